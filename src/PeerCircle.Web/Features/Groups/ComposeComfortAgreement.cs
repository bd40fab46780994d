using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PeerCircle.Data;
using PeerCircle.Data.Groups;
using PeerCircle.Web.Features.Training;
using PeerCircle.Web.Infrastructure.Audit;

namespace PeerCircle.Web.Features.Groups;

/// <summary>One saved version of a group's comfort agreement, as the history lists it.</summary>
public sealed record ComfortAgreementVersion(int Version, IReadOnlyList<string> IdeaKeys, string Text, DateTime CreatedAtUtc, string CreatedBy)
{
    /// <summary>The "our own words" line, when this version has one (it is the bullet after the ideas).</summary>
    public string OwnWords
    {
        get
        {
            var lines = Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return lines.Length == IdeaKeys.Count + 1 && lines[^1].StartsWith("- ", StringComparison.Ordinal)
                ? ComposeComfortAgreement.Unescape(lines[^1][2..])
                : "";
        }
    }
}

/// <summary>What saving a selection did: a new version, nothing (same as the current one), or a problem to show.</summary>
public sealed record ComfortAgreementSaveResult(int? Version, bool Unchanged, string? Problem);

/// <summary>
/// A facilitator composes their group's comfort agreement from the library of ideas. Each save that changes
/// anything makes a new version with its text frozen, so members can acknowledge the exact words they read.
/// </summary>
public sealed partial class ComposeComfortAgreement(
    PeerCircleDb db, CurriculumLibrary library, AuditTrail audit, TimeProvider time, IStringLocalizer<SharedResource> text)
{
    public const int MaxOwnWords = 300;

    /// <summary>The group, when this person leads or co-leads it or is a coordinator; otherwise null.</summary>
    public async Task<PeerCircle.Data.Groups.Group?> FindGroupAsync(Guid groupId, string? userId, bool isCoordinator, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return null;
        }
        var group = await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        return group is not null && (isCoordinator || group.LeadFacilitatorId == userId || group.CoFacilitatorId == userId)
            ? group
            : null;
    }

    /// <summary>Every version of the group's agreement, newest first.</summary>
    public async Task<IReadOnlyList<ComfortAgreementVersion>> HistoryAsync(Guid groupId, CancellationToken cancellationToken)
    {
        var rows = await db.ComfortAgreements.AsNoTracking()
            .Where(a => a.GroupId == groupId)
            .OrderByDescending(a => a.Version)
            .Select(a => new
            {
                a.Version, a.IdeaKeys, a.Text, a.CreatedAtUtc,
                CreatedBy = db.Users.Where(u => u.Id == a.CreatedById).Select(u => u.FullName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ComfortAgreementVersion(
            r.Version, SplitKeys(r.IdeaKeys), r.Text, DateTime.SpecifyKind(r.CreatedAtUtc, DateTimeKind.Utc), r.CreatedBy ?? ""))];
    }

    /// <summary>The current version's text and number, or null when the group has no agreement yet.</summary>
    public async Task<(int Version, string Text)?> CurrentAsync(Guid groupId, CancellationToken cancellationToken)
    {
        var current = await db.ComfortAgreements.AsNoTracking()
            .Where(a => a.GroupId == groupId)
            .OrderByDescending(a => a.Version)
            .Select(a => new { a.Version, a.Text })
            .FirstOrDefaultAsync(cancellationToken);
        return current is null ? null : (current.Version, current.Text);
    }

    /// <summary>Saves the chosen ideas and own words as a new version, unless they match the current version.</summary>
    public async Task<ComfortAgreementSaveResult> SaveAsync(
        Guid groupId, string userId, IReadOnlyCollection<string> ideaKeys, string? ownWords, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(ideaKeys);
        if (ideaKeys.Any(key => library.ComfortAgreementIdeas.All(idea => idea.Key != key)))
        {
            return Problem(text["One of the chosen ideas is not in the library. Please reload the page and try again."]);
        }
        var missing = library.ComfortAgreementIdeas.Where(idea => idea.Required && !ideaKeys.Contains(idea.Key)).ToList();
        if (missing.Count > 0)
        {
            return Problem(text["Every group's agreement includes \"{0}\". Please keep it ticked.", string.Join("\" and \"", missing.Select(m => m.Title))]);
        }
        var words = Whitespace().Replace(ownWords ?? "", " ").Trim();
        if (words.Length > MaxOwnWords)
        {
            return Problem(text["Please keep your own words to {0} characters or fewer.", MaxOwnWords]);
        }

        // Library order, not the order the boxes arrived in, so the agreement always reads the same way.
        var chosen = library.ComfortAgreementIdeas.Where(idea => ideaKeys.Contains(idea.Key)).ToList();
        var keys = string.Join(',', chosen.Select(idea => idea.Key));
        var current = (await HistoryAsync(groupId, cancellationToken)).FirstOrDefault();
        if (current is not null && string.Join(',', current.IdeaKeys) == keys && current.OwnWords == words)
        {
            return new ComfortAgreementSaveResult(current.Version, Unchanged: true, Problem: null);
        }

        var version = (current?.Version ?? 0) + 1;
        db.ComfortAgreements.Add(new ComfortAgreement
        {
            GroupId = groupId, Version = version, IdeaKeys = keys, Text = Compose(chosen, words),
            CreatedById = userId, CreatedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        audit.StageChange(AuditActions.ComfortAgreementSaved, "Group", groupId.ToString(), $"version {version}: {keys}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The (group, version) index is unique: another facilitator saved the same version number a moment ago.
            return Problem(text["Someone else saved a new version just now. Please look at it and try again."]);
        }
        return new ComfortAgreementSaveResult(version, Unchanged: false, Problem: null);
    }

    /// <summary>The agreement as members read it: one Markdown bullet per idea, then the group's own words.</summary>
    public static string Compose(IEnumerable<ComfortAgreementIdea> ideas, string? ownWords)
    {
        ArgumentNullException.ThrowIfNull(ideas);
        var markdown = new StringBuilder();
        foreach (var idea in ideas)
        {
            markdown.Append("- ").Append(idea.Text.Trim()).Append('\n');
        }
        if (!string.IsNullOrWhiteSpace(ownWords))
        {
            markdown.Append("- ").Append(Escape(ownWords.Trim())).Append('\n');
        }
        return markdown.ToString().TrimEnd('\n');
    }

    private static ComfortAgreementSaveResult Problem(string message) => new(null, Unchanged: false, Problem: message);

    private static List<string> SplitKeys(string keys) => [.. keys.Split(',', StringSplitOptions.RemoveEmptyEntries)];

    // A facilitator's words are shown as typed, never as headings, links or emphasis.
    private static string Escape(string words) => MarkdownPunctuation().Replace(words, @"\$1");

    internal static string Unescape(string words) => EscapedPunctuation().Replace(words, "$1");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"([\\`*_\[\]#<>!|~+\-])")]
    private static partial Regex MarkdownPunctuation();

    [GeneratedRegex(@"\\([\\`*_\[\]#<>!|~+\-])")]
    private static partial Regex EscapedPunctuation();
}
