namespace PeerCircle.Web.Features.Help;

/// <summary>The crisis lines shown on /help. Configured per country under <c>Crisis</c>.</summary>
public sealed class CrisisOptions
{
    public string CountryName { get; set; } = "United States";
    public List<CrisisLine> Lines { get; set; } = [];
}

public sealed class CrisisLine
{
    public string Name { get; set; } = "";

    /// <summary>What to do, e.g. "Call or text 988".</summary>
    public string Action { get; set; } = "";

    /// <summary>A tel: link, so one tap on a phone starts the call.</summary>
    public string Href { get; set; } = "";
    public string? Sms { get; set; }
    public string Note { get; set; } = "";
}

public static class HelpExtensions
{
    public static WebApplicationBuilder AddCrisisHelp(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CrisisOptions>()
            .BindConfiguration("Crisis")
            .Validate(o => o.Lines.Count > 0, "Crisis:Lines must list at least one crisis line; the help page cannot be empty.")
            .Validate(o => o.Lines.All(l => l.Name.Length > 0 && l.Href.Length > 0), "Every crisis line needs a Name and an Href.")
            .ValidateOnStart();
        return builder;
    }
}
