namespace CiteLsp.Core.Text;

/// <summary>Line and column of an offset: a whole text's <see cref="LineIndex"/>, or the lines of a huge file known so far.</summary>
public interface ILinePositions
{
    (int Line, int Column) GetPosition(int offset);
}
