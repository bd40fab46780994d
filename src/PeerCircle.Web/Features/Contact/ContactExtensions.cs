namespace PeerCircle.Web.Features.Contact;

public static class ContactExtensions
{
    public static WebApplicationBuilder AddContact(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ContactChoices>();
        builder.Services.AddScoped<ReadContactSheet>();
        builder.Services.AddScoped<MessageMembers>();
        return builder;
    }
}
