using ReferralFlow.Tests.Infrastructure;

namespace ReferralFlow.Tests.CaseCodes;

/// <summary>Small procedures around one child that asks the receiving partner something: started by a parent that
/// only waits for it, by one that keeps a task open alongside it, and by one that starts two at once.</summary>
internal static class CaseProcedures
{
    public const string Child = """
        { "id": "follow-up", "version": 1, "title": "Follow-up", "start": "ask",
          "steps": [
            { "id": "ask", "type": "partnerRequest", "partner": "receiving", "request": "accept-referral", "outcomes": ["accepted"], "due": "P3D" },
            { "id": "done", "type": "end", "outcome": "completed" } ],
          "transitions": [ { "from": "ask", "outcome": "accepted", "to": "done" } ] }
        """;

    public const string Waiting = """
        { "id": "waits", "version": 1, "title": "Waits for its follow-up", "start": "follow",
          "steps": [
            { "id": "follow", "type": "subworkflow", "workflow": "follow-up", "outcomes": ["completed"] },
            { "id": "done", "type": "end", "outcome": "returned" } ],
          "transitions": [ { "from": "follow", "outcome": "completed", "to": "done" } ] }
        """;

    public const string Alongside = """
        { "id": "alongside", "version": 1, "title": "Keeps working beside its follow-up", "start": "both",
          "steps": [
            { "id": "both", "type": "parallel", "branches": { "follow": "follow", "review": "review" }, "join": "all" },
            { "id": "follow", "type": "subworkflow", "workflow": "follow-up", "outcomes": ["completed"] },
            { "id": "review", "type": "task", "role": "caseworker", "outcomes": ["done"] },
            { "id": "done", "type": "end", "outcome": "returned" } ],
          "transitions": [
            { "from": "both", "outcome": "done", "to": "done" },
            { "from": "follow", "outcome": "completed", "to": "join" },
            { "from": "review", "outcome": "done", "to": "join" } ] }
        """;

    public const string Twice = """
        { "id": "twice", "version": 1, "title": "Two follow-ups at once", "start": "both",
          "steps": [
            { "id": "both", "type": "parallel", "branches": { "first": "first", "second": "second" }, "join": "all" },
            { "id": "first", "type": "subworkflow", "workflow": "follow-up", "outcomes": ["completed"] },
            { "id": "second", "type": "subworkflow", "workflow": "follow-up", "outcomes": ["completed"] },
            { "id": "done", "type": "end", "outcome": "returned" } ],
          "transitions": [
            { "from": "both", "outcome": "done", "to": "done" },
            { "from": "first", "outcome": "completed", "to": "join" },
            { "from": "second", "outcome": "completed", "to": "join" } ] }
        """;

    public static TempDirectory Folder()
    {
        var folder = new TempDirectory("rf-case-codes");
        File.WriteAllText(folder.Combine("follow-up.json"), Child);
        File.WriteAllText(folder.Combine("waits.json"), Waiting);
        File.WriteAllText(folder.Combine("alongside.json"), Alongside);
        File.WriteAllText(folder.Combine("twice.json"), Twice);
        return folder;
    }
}
