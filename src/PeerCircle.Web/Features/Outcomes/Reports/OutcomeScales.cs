using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Web.Features.Outcomes.Instruments;

namespace PeerCircle.Web.Features.Outcomes.Reports;

/// <summary>The instruments the reports describe (scale titles, order, better direction), by id.</summary>
public sealed class OutcomeScales(PeerCircleDb db)
{
    public async Task<IReadOnlyDictionary<long, InstrumentDefinition>> InstrumentsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Instruments.AsNoTracking()
            .Select(i => new { i.Id, i.Key, i.Version, i.Title, i.Description })
            .ToListAsync(cancellationToken);
        // Until the instrument catalog is merged: titles only; scales fall back to their keys.
        return rows.ToDictionary(r => r.Id, r => new InstrumentDefinition(r.Id, r.Key, r.Version, r.Title, r.Description, [], []));
    }
}
