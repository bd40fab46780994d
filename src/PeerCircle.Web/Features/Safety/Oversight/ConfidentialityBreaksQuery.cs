using Microsoft.EntityFrameworkCore;
using PeerCircle.Data;
using PeerCircle.Data.Safety;

namespace PeerCircle.Web.Features.Safety.Oversight;

/// <summary>A confidentiality-break record with the names a coordinator reads.</summary>
public sealed record BreakRow(
    long Id, ConfidentialityException Exception, string? MemberName, string? MemberEmail, long? CaseId,
    string WhatWasDisclosed, string DisclosedTo, DateTime DisclosedAtUtc, string RecordedByName, DateTime RecordedAtUtc);

/// <summary>Reads the confidentiality-break log for coordinators; the pages audit each read.</summary>
public static class ConfidentialityBreaksQuery
{
    /// <summary>The rows of <paramref name="breaks"/> (filter it first; the projection cannot be filtered afterwards).</summary>
    public static IQueryable<BreakRow> Rows(PeerCircleDb db, IQueryable<ConfidentialityBreak> breaks)
    {
        ArgumentNullException.ThrowIfNull(db);
        return from b in breaks.AsNoTracking()
               join m in db.Users on b.MemberId equals m.Id into members
               from member in members.DefaultIfEmpty()
               join r in db.Users on b.RecordedById equals r.Id into recorders
               from recorder in recorders.DefaultIfEmpty()
               select new BreakRow(b.Id, b.Exception, member != null ? member.FullName : null, member != null ? member.Email : null, b.CaseId,
                   b.WhatWasDisclosed, b.DisclosedTo, b.DisclosedAtUtc, recorder != null ? recorder.FullName : "", b.RecordedAtUtc);
    }
}
