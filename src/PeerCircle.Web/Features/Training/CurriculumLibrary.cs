using System.Collections.Frozen;
using System.Security.Cryptography;
using Markdig;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PeerCircle.Web.Features.Training;

/// <summary>
/// The curriculum shipped in <c>content/training</c>: modules and vignettes, parsed once at start-up.
/// A file that does not parse stops start-up with its name, so broken content never reaches a learner.
/// </summary>
public sealed class CurriculumLibrary
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    // Coordinators will edit this text in the app, so raw HTML is never passed through.
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().Build();

    private readonly FrozenDictionary<string, Vignette> _vignettes;
    private readonly Lock _publishing = new();
    private volatile ModuleSet _current;

    public CurriculumLibrary(
        IEnumerable<TrainingModule> modules, IEnumerable<Vignette> vignettes,
        IEnumerable<Competency> competencies, IEnumerable<TrainingPolicy> policies,
        IEnumerable<ComfortAgreementIdea>? comfortAgreementIdeas = null)
    {
        Competencies = [.. competencies];
        ComfortAgreementIdeas = [.. comfortAgreementIdeas ?? []];
        Policies = [.. policies.OrderBy(p => p.Slug, StringComparer.Ordinal)];
        _current = new ModuleSet(modules);
        Vignettes = [.. vignettes.OrderBy(v => v.Title, StringComparer.CurrentCulture)];
        _vignettes = Vignettes.ToFrozenDictionary(v => v.Slug, StringComparer.Ordinal);
    }

    /// <summary>The current version of every module, in path order.</summary>
    public IReadOnlyList<TrainingModule> Modules => _current.InOrder;
    public IReadOnlyList<Vignette> Vignettes { get; }
    public IReadOnlyList<Competency> Competencies { get; }
    public IReadOnlyList<TrainingPolicy> Policies { get; }

    /// <summary>The ideas a facilitator composes a comfort agreement from, in the order groups read them.</summary>
    public IReadOnlyList<ComfortAgreementIdea> ComfortAgreementIdeas { get; }

    public TrainingModule? Module(string slug) => _current.BySlug.GetValueOrDefault(slug);

    /// <summary>Makes <paramref name="module"/> the current version of its slug for every later request.</summary>
    public void Publish(TrainingModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        lock (_publishing)
        {
            _current = new ModuleSet(_current.InOrder.Where(m => m.Slug != module.Slug).Append(module));
        }
    }
    public Vignette? Vignette(string slug) => _vignettes.GetValueOrDefault(slug);

    public static string ToHtml(string markdown) => Markdig.Markdown.ToHtml(markdown, Markdown);

    public static CurriculumLibrary Load(string folder)
    {
        var modules = Directory.EnumerateFiles(Path.Combine(folder, "modules"), "*.md")
            .Select(path => ParseModule(path, File.ReadAllText(path)));
        var vignettes = Directory.EnumerateFiles(Path.Combine(folder, "vignettes"), "*.md")
            .Select(path => Parse<Vignette>(path, (v, body) => v.Body = body));
        var competencies = Yaml.Deserialize<List<Competency>>(File.ReadAllText(Path.Combine(folder, "competencies.yml")));
        var policies = Directory.EnumerateFiles(Path.Combine(folder, "policies"), "*.md")
            .Select(path => Parse<TrainingPolicy>(path, (p, body) => p.Body = body));
        var ideas = Yaml.Deserialize<List<ComfortAgreementIdea>>(File.ReadAllText(Path.Combine(folder, "comfort-agreement-ideas.yml")));
        return new CurriculumLibrary(modules.ToList(), vignettes.ToList(), competencies, policies.ToList(), ideas);
    }

    public static CurriculumLibrary LoadShipped() => Load(Path.Combine(AppContext.BaseDirectory, "content", "training"));

    /// <summary>Reads a module's whole text; its fingerprint is a hash of exactly that text.</summary>
    public static TrainingModule ParseModule(string name, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var module = ParseText<TrainingModule>(name, source, (m, body) => m.Body = body);
        module.Source = source;
        module.Version = Fingerprint(source);
        return module;
    }

    public static string Fingerprint(string source) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(source.Replace("\r\n", "\n", StringComparison.Ordinal))))[..16];

    internal static T Parse<T>(string path, Action<T, string> setBody) where T : class =>
        ParseText(path, File.ReadAllText(path), setBody);

    /// <summary>Splits "---\nYAML\n---\nMarkdown" and reads the YAML into <typeparamref name="T"/>.</summary>
    public static T ParseText<T>(string path, string source, Action<T, string> setBody) where T : class
    {
        var text = source.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: training content must start with a '---' front-matter line.");
        }
        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new InvalidDataException($"{path}: the front matter has no closing '---' line.");
        }
        try
        {
            var item = Yaml.Deserialize<T>(text[4..end]) ?? throw new InvalidDataException($"{path}: the front matter is empty.");
            setBody(item, text[(end + 5)..].Trim());
            return item;
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }

    private sealed class ModuleSet
    {
        public ModuleSet(IEnumerable<TrainingModule> modules)
        {
            InOrder = [.. modules.OrderBy(m => m.Order).ThenBy(m => m.Slug, StringComparer.Ordinal)];
            BySlug = InOrder.ToFrozenDictionary(m => m.Slug, StringComparer.Ordinal);
        }

        public IReadOnlyList<TrainingModule> InOrder { get; }
        public FrozenDictionary<string, TrainingModule> BySlug { get; }
    }
}
