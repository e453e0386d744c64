namespace CiteLsp.Core.Citations;

/// <summary>A recognised cite command: its display text ("\citep"), where its keys are, or the wrapper it is.</summary>
internal sealed record CiteCommand(string Text, CiteArgs Args, CiteWrapper? Wrapper = null);
