using System.Globalization;
using System.Net.Mail;
using Microsoft.Extensions.Localization;
using PeerCircle.Data.Safety;
using PeerCircle.Web.Infrastructure.Geo;

namespace PeerCircle.Web.Features.Safety.Resources;

/// <summary>A resource as typed into the coordinator's form or read from an import file: all text, so anything wrong can be named.</summary>
public sealed class ResourceForm
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? Organization { get; set; }
    public string? Category { get; set; }
    public string? Description { get; set; }
    public string? HowToContact { get; set; }
    public string? Phone { get; set; }
    public string? Website { get; set; }
    public string? Email { get; set; }
    public string? Area { get; set; }
    public string? States { get; set; }
    public string? PostalCode { get; set; }
    public string? RadiusMiles { get; set; }
    public string[]? Languages { get; set; }
    public string? Cost { get; set; }
    public string? Eligibility { get; set; }
    public string? LastReviewedOn { get; set; }
    public string? Active { get; set; }

    public static ResourceForm From(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return new ResourceForm
        {
            Id = resource.Id.ToString(),
            Name = resource.Name, Organization = resource.Organization, Category = resource.Category.ToString(),
            Description = resource.Description, HowToContact = resource.HowToContact, Phone = resource.Phone,
            Website = resource.Website, Email = resource.Email, Area = resource.Area.ToString(), States = resource.States,
            PostalCode = resource.PostalCode,
            RadiusMiles = resource.RadiusMiles?.ToString(CultureInfo.InvariantCulture),
            Languages = [.. ResourceLabels.LanguagesOf(resource)], Cost = resource.Cost, Eligibility = resource.Eligibility,
            LastReviewedOn = resource.LastReviewedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Active = resource.Active ? "true" : "false",
        };
    }
}

/// <summary>Checked values of a resource, ready to copy onto the entity.</summary>
public sealed record ResourceValues(
    string Name, string? Organization, ResourceCategory Category, string Description, string HowToContact,
    string? Phone, string? Website, string? Email, AreaServed Area, string? States, string? PostalCode,
    double? Latitude, double? Longitude, int? RadiusMiles, string Languages, string Cost, string Eligibility,
    DateOnly LastReviewedOn, bool Active)
{
    public void CopyTo(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        resource.Name = Name; resource.Organization = Organization; resource.Category = Category;
        resource.Description = Description; resource.HowToContact = HowToContact; resource.Phone = Phone;
        resource.Website = Website; resource.Email = Email; resource.Area = Area; resource.States = States;
        resource.PostalCode = PostalCode; resource.Latitude = Latitude; resource.Longitude = Longitude;
        resource.RadiusMiles = RadiusMiles; resource.Languages = Languages; resource.Cost = Cost;
        resource.Eligibility = Eligibility; resource.LastReviewedOn = LastReviewedOn; resource.Active = Active;
    }
}

/// <summary>The rules every resource follows, whether typed in or imported.</summary>
public static class ResourceRules
{
    public const int NameMax = 200;
    public const int DescriptionMax = 2000;
    public const int HowToContactMax = 1000;
    public const int PhoneMax = 40;
    public const int WebsiteMax = 300;
    public const int EmailMax = 200;
    public const int CostMax = 300;
    public const int EligibilityMax = 1000;
    public const int MaxRadiusMiles = 500;

    public static (ResourceValues? Values, Dictionary<string, string[]> Errors) Validate(
        ResourceForm form, ZipGazetteer gazetteer, DateOnly today, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(gazetteer);
        ArgumentNullException.ThrowIfNull(text);
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];
        static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        var name = (form.Name ?? "").Trim();
        if (name.Length is 0 or > NameMax)
        {
            Fail("Name", text["Please give the resource a name of up to 200 characters."]);
        }
        var organization = Optional(form.Organization);
        if (organization is { Length: > NameMax })
        {
            Fail("Organization", text["Please keep the organization's name under 200 characters."]);
        }
        var hasCategory = Enum.TryParse<ResourceCategory>(form.Category?.Trim(), ignoreCase: true, out var category)
            && Enum.IsDefined(category) && !int.TryParse(form.Category, out _);
        if (!hasCategory && !ResourceLabels.TryParseCode(form.Category, out category))
        {
            Fail("Category", text["Please choose what kind of help this is."]);
        }
        var description = (form.Description ?? "").Trim();
        if (description.Length is 0 or > DescriptionMax)
        {
            Fail("Description", text["Please describe what the resource offers, in up to 2,000 characters."]);
        }
        var howToContact = (form.HowToContact ?? "").Trim();
        if (howToContact.Length is 0 or > HowToContactMax)
        {
            Fail("HowToContact", text["Please say how to reach them in plain words, like the hours and whether to call or text (up to 1,000 characters)."]);
        }

        var phone = Optional(form.Phone);
        if (phone is not null && (phone.Length > PhoneMax || phone.Any(c => !(char.IsAsciiDigit(c) || " +-().".Contains(c, StringComparison.Ordinal)))
            || phone.Count(char.IsAsciiDigit) < 3))
        {
            Fail("Phone", text["Please enter the phone number with digits only, like 1-800-227-2345 or 988."]);
        }
        var website = Optional(form.Website);
        if (website is not null)
        {
            if (!website.Contains("://", StringComparison.Ordinal))
            {
                website = "https://" + website;
            }
            if (website.Length > WebsiteMax || !Uri.TryCreate(website, UriKind.Absolute, out var uri)
                || uri.Scheme is not ("http" or "https") || !uri.Host.Contains('.', StringComparison.Ordinal))
            {
                Fail("Website", text["Please enter the website address, like https://www.cancer.org."]);
            }
        }
        var email = Optional(form.Email);
        if (email is not null && (email.Length > EmailMax || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            Fail("Email", text["Please enter the e-mail address, like help@example.org."]);
        }
        if (phone is null && website is null && email is null)
        {
            Fail("Phone", text["Please give at least one way to reach them: a phone number, a website or an e-mail address."]);
        }

        var hasArea = Enum.TryParse<AreaServed>(form.Area?.Trim(), ignoreCase: true, out var area) && Enum.IsDefined(area)
            && !int.TryParse(form.Area, out _);
        string? states = null;
        string? postalCode = null;
        int? radius = null;
        GeoPoint? point = null;
        if (!hasArea)
        {
            Fail("Area", text["Please choose the area they serve: the whole country, some states, or near a ZIP code."]);
        }
        else if (area == AreaServed.State)
        {
            var list = (form.States ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => s.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
            if (list.Count == 0 || list.Any(s => !UsStates.IsKnown(s)))
            {
                Fail("States", text["Please list the states they serve as two-letter codes separated by commas, like TX, OK."]);
            }
            else
            {
                states = string.Join(",", list);
                if (states.Length > 200)
                {
                    Fail("States", text["That is too many states. If they serve the whole country, choose “Anywhere in the United States”."]);
                }
            }
        }
        else if (area == AreaServed.Radius)
        {
            postalCode = Optional(form.PostalCode);
            if (!ZipGazetteer.LooksLikeZip(postalCode) || !gazetteer.TryFind(postalCode!, out var found))
            {
                Fail("PostalCode", text["Please enter a five-digit US ZIP code we know, like 77030."]);
            }
            else
            {
                point = found;
            }
            if (!int.TryParse(form.RadiusMiles?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var miles) || miles is < 1 or > MaxRadiusMiles)
            {
                Fail("RadiusMiles", text["Please enter how many miles around the ZIP code they serve, from 1 to 500."]);
            }
            else
            {
                radius = miles;
            }
        }

        var languages = (form.Languages ?? []).SelectMany(l => (l ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(l => l.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (languages.Count == 0 || languages.Any(l => l.Length is < 2 or > 3 || !l.All(char.IsAsciiLetterLower)))
        {
            Fail("Languages", text["Please choose at least one language they help people in."]);
        }
        var languageList = string.Join(",", languages);
        if (languageList.Length > 100)
        {
            Fail("Languages", text["That is too many languages. Please choose the main ones."]);
        }

        var cost = (form.Cost ?? "").Trim();
        if (cost.Length is 0 or > CostMax)
        {
            Fail("Cost", text["Please say what it costs, like “Free” or “Sliding scale” (up to 300 characters)."]);
        }
        var eligibility = (form.Eligibility ?? "").Trim();
        if (eligibility.Length > EligibilityMax)
        {
            Fail("Eligibility", text["Please keep who can use it under 1,000 characters."]);
        }
        if (!DateOnly.TryParseExact(form.LastReviewedOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var reviewed))
        {
            Fail("LastReviewedOn", text["Please enter when the details were last checked as year-month-day, like 2026-03-04."]);
        }
        else if (reviewed > today)
        {
            Fail("LastReviewedOn", text["The last-reviewed date cannot be in the future."]);
        }
        var active = !string.Equals(form.Active?.Trim(), "false", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(form.Active?.Trim(), "inactive", StringComparison.OrdinalIgnoreCase);

        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new ResourceValues(name, organization, category, description, howToContact, phone, website, email, area, states,
            postalCode, point?.Latitude, point?.Longitude, radius, languageList, cost, eligibility, reviewed, active), errors);
    }
}
