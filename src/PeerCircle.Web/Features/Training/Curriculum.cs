namespace PeerCircle.Web.Features.Training;

/// <summary>One curriculum module as authored in <c>content/training/modules</c>.</summary>
public sealed class TrainingModule
{
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public int Order { get; set; }
    public string Topic { get; set; } = "";
    public bool Required { get; set; } = true;

    /// <summary>Passing a refresher module again renews a certification for another year.</summary>
    public bool Refresher { get; set; }
    public int Minutes { get; set; }
    public List<string> Objectives { get; set; } = [];
    public List<string> Vignettes { get; set; } = [];
    public List<SayThis> SayThis { get; set; } = [];
    public List<QuizQuestion> Quiz { get; set; } = [];
    public string Reflection { get; set; } = "";

    /// <summary>The teaching text as written (Markdown).</summary>
    public string Body { get; set; } = "";

    /// <summary>A fingerprint of the module's whole text; attempts record it so a learner keeps the version they passed.</summary>
    public string Version { get; set; } = "";

    /// <summary>The whole text as authored (front matter and Markdown), which coordinators edit.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public string Source { get; set; } = "";

    /// <summary>1 for the text shipped with PeerCircle until its first recorded version; then the revision number.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public int Number { get; set; } = 1;
}

public sealed class SayThis
{
    public string Say { get; set; } = "";
    public string Avoid { get; set; } = "";
    public string Why { get; set; } = "";
}

public sealed class QuizQuestion
{
    public string Question { get; set; } = "";
    public List<QuizChoice> Choices { get; set; } = [];
}

public sealed class QuizChoice
{
    public string Text { get; set; } = "";
    public bool Correct { get; set; }
    public string Explanation { get; set; } = "";
}

/// <summary>A training scenario as authored in <c>content/training/vignettes</c>.</summary>
public sealed class Vignette
{
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Challenge { get; set; } = "";
    public List<VignetteResponse> Responses { get; set; } = [];
    public string BestPractice { get; set; } = "";
    public List<string> Discussion { get; set; } = [];

    /// <summary>The situation as written (Markdown).</summary>
    public string Body { get; set; } = "";
}

public sealed class VignetteResponse
{
    public string Text { get; set; } = "";
    public bool Best { get; set; }
    public string Consequence { get; set; } = "";
    public string Why { get; set; } = "";
}

/// <summary>The program design's training topics and the challenges the vignettes teach; the content must cover each.</summary>
public static class ProgramDesign
{
    public static readonly IReadOnlyDictionary<string, string> Topics = new Dictionary<string, string>
    {
        ["leadership-and-ground-rules"] = "Establishing leadership and ground rules",
        ["informed-consent-and-confidentiality"] = "Informed consent and the limits of confidentiality",
        ["recruitment-and-advertising"] = "Recruitment and advertising",
        ["open-questions-and-leadership-style"] = "Asking open-ended questions; leadership style",
        ["outside-interactions"] = "Benefits and limits of outside interactions between members",
        ["meeting-format"] = "The meeting format",
        ["comfort-agreement"] = "Comfort agreement ideas",
        ["difficult-members"] = "Tips for working with difficult group members",
        ["sharing-your-story"] = "Benefits and risks of sharing your own illness or recovery story",
        ["listening-skills"] = "Listening skills",
        ["strategies-for-success"] = "Strategies for success",
        ["core-competencies"] = "Core competencies for peers",
        ["modalities"] = "Peer support group modalities",
        ["facilitator-role"] = "The facilitator role",
        ["resources-and-referrals"] = "Resource review and making outside referrals",
        ["processing-grief"] = "Processing grief",
        ["complicated-grief"] = "Complicated grief",
        ["coping-strategies"] = "Coping strategies",
        ["self-care"] = "Self-care",
        ["managing-own-emotions"] = "Managing your own emotions and connectedness to the topic",
        ["medical-advice"] = "Handling medical advice in groups",
        ["clinical-support"] = "Knowing when more clinical support is necessary",
    };

    public static readonly IReadOnlyDictionary<string, string> Challenges = new Dictionary<string, string>
    {
        ["medical-advice"] = "Unsound medical advice",
        ["dominating-member"] = "A member dominating or spiralling into complaints",
        ["competitive-comparison"] = "Competitive comparison of whose case is worse",
        ["confidentiality-breach"] = "A confidentiality breach",
        ["outside-contact"] = "Outside contact and boundaries",
        ["emotional-entanglement"] = "Emotional entanglement",
        ["suicidal-disclosure"] = "A disclosure of suicidal thoughts",
        ["needs-clinical-support"] = "A member who needs clinical support",
        ["complicated-grief"] = "Complicated grief",
        ["facilitator-triggered"] = "The facilitator triggered by their own history",
        ["sharing-own-story"] = "When to share your own story",
        ["member-death"] = "A member dying and the group's grief",
        ["outside-referral"] = "Making an outside referral",
        ["online-disruption"] = "An online-group disruption",
        ["caregiver-patient-conflict"] = "A caregiver and patient in conflict in a mixed group",
        ["mandatory-reporting"] = "A mandatory-reporting situation",
    };
}

/// <summary>One competency of the peer framework, with the behaviours a coordinator looks for.</summary>
public sealed class Competency
{
    public string Key { get; set; } = "";
    public string Title { get; set; } = "";
    public List<string> Behaviours { get; set; } = [];
}

/// <summary>A policy facilitators sign: the confidentiality pledge or the boundary policy.</summary>
public sealed class TrainingPolicy
{
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public int Version { get; set; }

    /// <summary>The policy text as written (Markdown); its SHA-256 is stored with each signature.</summary>
    public string Body { get; set; } = "";
}

/// <summary>One idea from <c>content/training/comfort-agreement-ideas.yml</c>, written as a "We ..." statement.</summary>
public sealed class ComfortAgreementIdea
{
    public string Key { get; set; } = "";
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";

    /// <summary>Required ideas are in every group's agreement; a facilitator cannot leave them out.</summary>
    public bool Required { get; set; }
}
