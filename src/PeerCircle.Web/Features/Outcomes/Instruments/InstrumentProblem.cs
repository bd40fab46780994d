using System.Globalization;
using Microsoft.Extensions.Localization;

namespace PeerCircle.Web.Features.Outcomes.Instruments;

/// <summary>
/// One thing wrong with a Questionnaire or scoring file, as an English sentence with <c>{0}</c> placeholders (the
/// localizer key) and the values that fill them: item linkIds, scale keys, numbers.
/// </summary>
public sealed record InstrumentProblem(string Message, params string?[] Values)
{
    /// <summary>
    /// A rule added after instruments were already imported: a new import is refused for it, but an instrument already
    /// stored still loads, so members part-way through a survey are never stuck.
    /// </summary>
    public bool NewImportsOnly { get; init; }

    public string Localize(IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text[Message, [.. Values.Select(v => (object)(v ?? ""))]].Value;
    }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, Message, [.. Values]);
}

/// <summary>Thrown by <see cref="FhirQuestionnaires.Read"/> when the files do not make a usable instrument.</summary>
public sealed class InvalidInstrumentException : Exception
{
    public InvalidInstrumentException() : this([])
    {
    }

    public InvalidInstrumentException(string message) : base(message)
    {
        Problems = [new InstrumentProblem(message)];
    }

    public InvalidInstrumentException(string message, Exception innerException) : base(message, innerException)
    {
        Problems = [new InstrumentProblem(message)];
    }

    public InvalidInstrumentException(IReadOnlyList<InstrumentProblem> problems)
        : base("The instrument is not valid: " + string.Join(" | ", problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<InstrumentProblem> Problems { get; } = [];
}
