using System.Buffers.Binary;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SocialDesk.Features.Sla;

namespace SocialDesk.Features.Reporting;

/// <summary>
/// A UTC day of one kind of reporting event for one team and one agent, rolled up by <see cref="ReportRollupWorker"/>
/// from the events up to <see cref="ReportRollup.LastEventId"/>: how many there were and, for the ones that measured
/// a duration, when each happened and what it measured. What the events carry and never changes is rolled up here;
/// what changes later (answered, reopened) is counted in <see cref="ReportCount"/>.
/// </summary>
public sealed class ReportDay
{
    /// <summary>The events rolled up: customer messages, which reports count, and those whose durations they measure.</summary>
    public static readonly string[] Names =
        [ReportingEventNames.MessageReceived, ReportingEventNames.FirstResponse, ReportingEventNames.ReplySent, ReportingEventNames.Resolved];

    private const int DurationBytes = 16;

    public long Id { get; set; }
    public Guid WorkspaceId { get; set; }
    public DateTime Day { get; set; }
    public required string Name { get; set; }
    public Guid? TeamId { get; set; }
    public Guid? UserId { get; set; }
    public int Events { get; set; }

    /// <summary>The durations measured: each the time it ended (UTC ticks) and its length in seconds, 16 bytes little-endian.</summary>
    public byte[] Durations { get; set; } = [];

    /// <summary>Counts events in, and keeps the durations of the ones that measured one.</summary>
    public void Add(IReadOnlyCollection<(DateTime At, double? Seconds)> events)
    {
        Events += events.Count;
        var measured = events.Where(e => e.Seconds is not null).ToList();
        var grown = new byte[Durations.Length + (measured.Count * DurationBytes)];
        Durations.CopyTo(grown, 0);
        var offset = Durations.Length;
        foreach (var (at, seconds) in measured)
        {
            BinaryPrimitives.WriteInt64LittleEndian(grown.AsSpan(offset), at.Ticks);
            BinaryPrimitives.WriteDoubleLittleEndian(grown.AsSpan(offset + 8), seconds!.Value);
            offset += DurationBytes;
        }

        Durations = grown;
    }

    public static IEnumerable<(DateTime At, double Seconds)> Read(byte[] durations)
    {
        for (var offset = 0; offset < durations.Length; offset += DurationBytes)
        {
            yield return (
                new DateTime(BinaryPrimitives.ReadInt64LittleEndian(durations.AsSpan(offset)), DateTimeKind.Utc),
                BinaryPrimitives.ReadDoubleLittleEndian(durations.AsSpan(offset + 8)));
        }
    }
}

/// <summary>
/// A count of a UTC day, for one team (<see cref="Guid.Empty"/> for none), that changes after the fact or that
/// reports read by the day: customer messages answered and resolutions reopened (by the day they were written),
/// conversations started and answered (by the day they started, for the team holding them now), and SLA targets met
/// or breached (<see cref="SlaOutcomeOf"/>, for a policy). Kept by database triggers as what they count changes, so it
/// is exact at every moment, whatever the roll-up has reached.
/// </summary>
public sealed class ReportCount
{
    public const string MessagesAnswered = "messages_answered";
    public const string ResolutionsReopened = "resolutions_reopened";
    public const string Conversations = "conversations";
    public const string ConversationsAnswered = "conversations_answered";
    private const string SlaPrefix = "sla:";

    public Guid WorkspaceId { get; set; }
    public DateTime Day { get; set; }
    public required string Name { get; set; }
    public Guid TeamId { get; set; }

    /// <summary>The SLA policy of an SLA outcome; <see cref="Guid.Empty"/> for the other counts.</summary>
    public Guid PolicyId { get; set; }
    public int Count { get; set; }

    /// <summary>
    /// The SLA target and outcome a count's name stands for (<c>sla:Target:Kind</c>, as the trigger on SlaEvents
    /// writes it); null for the counts that are no SLA outcome.
    /// </summary>
    public static (SlaTargetKind Target, SlaEventKind Kind)? SlaOutcomeOf(string name) =>
        name.StartsWith(SlaPrefix, StringComparison.Ordinal) && name[SlaPrefix.Length..].Split(':') is [var target, var kind]
            ? (Enum.Parse<SlaTargetKind>(target), Enum.Parse<SlaEventKind>(kind))
            : null;
}

/// <summary>The one row saying how far <see cref="ReportRollupWorker"/> has rolled the reporting events up.</summary>
public sealed class ReportRollup
{
    public const int TheOne = 1;

    public int Id { get; set; }

    /// <summary>Every event up to this id is in <see cref="ReportDay"/>, and none after it.</summary>
    public long LastEventId { get; set; }
}

internal sealed class ReportDayConfiguration : IEntityTypeConfiguration<ReportDay>
{
    public void Configure(EntityTypeBuilder<ReportDay> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(60);
        builder.HasIndex(d => new { d.WorkspaceId, d.Day, d.Name, d.TeamId, d.UserId });
    }
}

internal sealed class ReportCountConfiguration : IEntityTypeConfiguration<ReportCount>
{
    public void Configure(EntityTypeBuilder<ReportCount> builder)
    {
        builder.Property(f => f.Name).HasMaxLength(60);
        builder.HasKey(f => new { f.WorkspaceId, f.Day, f.Name, f.TeamId, f.PolicyId });
    }
}

internal sealed class ReportRollupConfiguration : IEntityTypeConfiguration<ReportRollup>
{
    public void Configure(EntityTypeBuilder<ReportRollup> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.LastEventId).IsConcurrencyToken();
        builder.HasData(new ReportRollup { Id = ReportRollup.TheOne, LastEventId = 0 });
    }
}
