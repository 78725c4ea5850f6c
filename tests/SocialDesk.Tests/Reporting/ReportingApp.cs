using SocialDesk.Features.Reporting;

namespace SocialDesk.Tests.Reporting;

/// <summary>The clocked server with the report tables as report tests read them.</summary>
public sealed class ReportingApp : ClockedApp
{
    public async Task<ReportTable<OverviewRow>> OverviewAsync(string query) =>
        (await Api.GetFromJsonAsync<ReportTable<OverviewRow>>($"/api/v1/reports/overview{query}", Json))!;

    public async Task<ReportTable<AgentRow>> AgentsAsync(string query) =>
        (await Api.GetFromJsonAsync<ReportTable<AgentRow>>($"/api/v1/reports/agents{query}", Json))!;

    public async Task<ReportTable<TeamRow>> TeamsAsync(string query) =>
        (await Api.GetFromJsonAsync<ReportTable<TeamRow>>($"/api/v1/reports/teams{query}", Json))!;

    public async Task<ReportTable<VolumeRow>> VolumesAsync(string dimension, string query) =>
        (await Api.GetFromJsonAsync<ReportTable<VolumeRow>>($"/api/v1/reports/volumes/{dimension}{query}", Json))!;
}
