namespace CiteLsp.Core.Configuration;

/// <summary>The severity a user chose for a diagnostic (the LSP severities, without the protocol numbers).</summary>
public enum DiagnosticLevel { Error, Warning, Information, Hint }
