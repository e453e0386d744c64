using CiteLsp.Core.Bibliography.Bibtex;
using CiteLsp.Core.Text;

namespace CiteLsp.Tests.Bibliography;

/// <summary>The line starts of a file read a window at a time: one array, each slot written by one window only.</summary>
public class WindowLinesTests
{
    private const string Text = "ab\ncd\nef\ngh\nij";

    [Fact]
    public void A_window_answers_for_its_lines_before_the_window_before_it_is_written()
    {
        // Two windows scanned at once: [0, 6) "ab\ncd\n" opens lines 1 and 2, [6, 12) "ef\ngh\n" lines 3 and 4, and the
        // second window's first line (2) starts where the first window's last break opened it, a slot only the first
        // window's core writes. The second window must not need it: the other core may not have written it yet.
        var lines = new WindowLines(3);
        lines.Reserve(6, 0);
        lines.Room(firstLine: 2, breaks: 2).Fill(-1); // what a late core's slot might hold: any value
        lines.Room(firstLine: 0, breaks: 2)[1] = int.MaxValue; // line 2's start, not written yet
        lines.Room(firstLine: 2, breaks: 2)[0] = 9;
        lines.Room(firstLine: 2, breaks: 2)[1] = 12;
        lines.Set(1, firstLine: 2, breaks: 2, start: 6);
        Assert.Equal((2, 0), lines.GetPosition(6));
        Assert.Equal((2, 2), lines.GetPosition(8));
        Assert.Equal((3, 1), lines.GetPosition(10));

        var first = lines.Room(firstLine: 0, breaks: 2);
        (first[0], first[1]) = (3, 6);
        lines.Set(0, firstLine: 0, breaks: 2, start: 0);
        lines.Set(2, firstLine: 4, breaks: 0, start: 12);
        Assert.Equal((1, 1), lines.GetPosition(4));
        Assert.Equal((4, 1), lines.GetPosition(13));
        var whole = new LineIndex(Text);
        var joined = lines.ToIndex(Text.Length)!;
        Assert.Equal(Enumerable.Range(0, whole.LineCount).Select(whole.LineStart), Enumerable.Range(0, joined.LineCount).Select(joined.LineStart));
    }

    [Fact]
    public void Starts_that_do_not_ascend_give_no_index()
    {
        var lines = new WindowLines(1);
        lines.Reserve(3, 0);
        var room = lines.Room(firstLine: 0, breaks: 2);
        (room[0], room[1]) = (6, 3);
        lines.Set(0, firstLine: 0, breaks: 2, start: 0);
        Assert.Null(lines.ToIndex(Text.Length));
    }
}
