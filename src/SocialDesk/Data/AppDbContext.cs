using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SocialDesk.Features.Audit;
using SocialDesk.Features.Channels;
using SocialDesk.Features.Contacts;
using SocialDesk.Features.Conversations;
using SocialDesk.Features.Ingestion;
using SocialDesk.Features.Notifications;
using SocialDesk.Features.Replies;
using SocialDesk.Features.Reporting;
using SocialDesk.Features.Sla;
using SocialDesk.Features.Teams;
using SocialDesk.Features.Users;
using SocialDesk.Features.Workspaces;

namespace SocialDesk.Data;

/// <summary>The one database: ASP.NET Core Identity's user tables beside every feature's entities, and (on PostgreSQL) the Data Protection keys.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityUserContext<User, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Workspace> Workspaces => Set<Workspace>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactIdentity> ContactIdentities => Set<ContactIdentity>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<Note> Notes => Set<Note>();
    public DbSet<RawEvent> RawEvents => Set<RawEvent>();
    public DbSet<OutboxItem> Outbox => Set<OutboxItem>();
    public DbSet<ReportingEvent> ReportingEvents => Set<ReportingEvent>();
    public DbSet<ReportDay> ReportDays => Set<ReportDay>();
    public DbSet<ReportCount> ReportCounts => Set<ReportCount>();
    public DbSet<ReportRollup> ReportRollups => Set<ReportRollup>();
    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();
    public DbSet<SlaCalendar> SlaCalendars => Set<SlaCalendar>();
    public DbSet<SlaEvent> SlaEvents => Set<SlaEvent>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<CannedReply> CannedReplies => Set<CannedReply>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("UserClaims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("UserLogins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("UserTokens");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are stored in UTC; SQLite gives them back without a kind, so mark them UTC on the way in.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
