using PeerCircle.Data;
using Xunit.v3;

namespace PeerCircle.IntegrationTests;

/// <summary>
/// Runs a theory once per database provider: SQLite always, PostgreSQL when <c>PEERCIRCLE_TEST_POSTGRES</c> is set
/// (otherwise the PostgreSQL case is reported as skipped, with the reason). The test takes a
/// <see cref="DatabaseProvider"/> parameter.
/// </summary>
public sealed class AllProvidersAttribute : MemberDataAttributeBase
{
    public AllProvidersAttribute()
        : base(nameof(All), [])
    {
        MemberType = typeof(AllProvidersAttribute);
    }

    public static IEnumerable<TheoryDataRow<DatabaseProvider>> All =>
    [
        new(DatabaseProvider.Sqlite),
        new(DatabaseProvider.Postgres) { Skip = PeerCircleAppFactory.PostgresSkipReason },
    ];
}
