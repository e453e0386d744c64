namespace CiteLsp.Core.Citations;

/// <summary>
/// A command the document defines around a cite command, e.g. \newcommand{\mycite}[1]{\cite{#1}}.
/// Params lists each parameter in order ('m' mandatory, 'o' optional, 's' star); KeyParam is the
/// 1-based parameter number whose text ends up in the cite command's key argument.
/// </summary>
public sealed record CiteWrapper(string Name, string Params, int KeyParam);
