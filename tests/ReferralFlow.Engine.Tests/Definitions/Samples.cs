namespace ReferralFlow.Engine.Tests.Definitions;

/// <summary>A parent procedure using every step type, and the child procedure its subworkflow steps start.</summary>
internal static class Samples
{
    public const string Return = """
        {
          "$schema": "./workflow.schema.json",
          "id": "transnational-return",
          "version": 1,
          "title": "Transnational return (adult)",
          "description": "Every step type once.",
          "start": "intake",
          "variables": {
            "person.isChild": { "type": "boolean", "input": true, "default": false },
            "risk.level": { "type": "string", "values": ["low", "medium", "high"], "default": "low" },
            "monitoring.months": { "type": "number", "input": true, "default": 12 },
            "travel.arrivalAt": { "type": "date", "default": "2026-12-01T14:30:00Z" },
            "reports.sent": { "type": "number" }
          },
          "steps": [
            { "id": "intake", "type": "task", "title": "Identify", "role": "caseworker", "form": "intake-form",
              "outcomes": ["identified", "withdrawn"], "sets": ["risk.level"], "due": "P10D", "remind": ["-P2D", "P1D"],
              "escalate": [{ "after": "P2D", "to": "backup" }, { "after": "P5D", "to": "coordinator" }, { "after": "P14D", "to": "withdrawn" }] },
            { "id": "assess", "type": "decision",
              "branches": [{ "when": "risk.level == 'high' or person.isChild", "outcome": "high" }], "otherwise": "normal" },
            { "id": "alert", "type": "notify", "to": "child-protection", "notice": "high-risk" },
            { "id": "accept", "type": "partnerRequest", "partner": "receiving", "request": "accept-referral",
              "outcomes": ["accepted", "declined"], "due": "P5BD" },
            { "id": "prepare", "type": "parallel", "branches": { "documents": "request-documents", "travel": "book-travel" }, "join": "all" },
            { "id": "request-documents", "type": "partnerRequest", "partner": "consulate", "request": "document-request", "outcomes": ["issued"] },
            { "id": "book-travel", "type": "task", "role": "coordinator", "outcomes": ["booked"], "sets": ["travel.arrivalAt"] },
            { "id": "await-arrival", "type": "wait", "until": "travel.arrivalAt" },
            { "id": "confirm-arrival", "type": "partnerRequest", "partner": "receiving", "request": "arrival-confirmation",
              "outcomes": ["arrived"], "due": "PT6H", "dueFrom": "travel.arrivalAt" },
            { "id": "monitor", "type": "subworkflow", "workflow": "monitoring",
              "input": { "months": "monitoring.months", "child": "person.isChild" }, "outcomes": ["completed"] },
            { "id": "settle", "type": "wait", "for": "P1M", "count": "reports.sent" },
            { "id": "aftercare", "type": "subworkflow", "workflow": "monitoring", "wait": false, "input": { "months": 6 } },
            { "id": "returned", "type": "end", "outcome": "returned" },
            { "id": "withdrawn", "type": "end", "outcome": "withdrawn" },
            { "id": "declined", "type": "end", "outcome": "declined" }
          ],
          "transitions": [
            { "from": "intake", "outcome": "identified", "to": "assess" },
            { "from": "intake", "outcome": "withdrawn", "to": "withdrawn" },
            { "from": "assess", "outcome": "high", "to": "alert" },
            { "from": "assess", "outcome": "normal", "to": "accept" },
            { "from": "alert", "outcome": "done", "to": "accept" },
            { "from": "accept", "outcome": "accepted", "to": "prepare" },
            { "from": "accept", "outcome": "declined", "to": "declined" },
            { "from": "request-documents", "outcome": "issued", "to": "join" },
            { "from": "book-travel", "outcome": "booked", "to": "join" },
            { "from": "prepare", "outcome": "done", "to": "await-arrival" },
            { "from": "await-arrival", "outcome": "done", "to": "confirm-arrival" },
            { "from": "confirm-arrival", "outcome": "arrived", "to": "monitor" },
            { "from": "monitor", "outcome": "completed", "to": "settle" },
            { "from": "settle", "outcome": "done", "to": "aftercare" },
            { "from": "aftercare", "outcome": "started", "to": "returned" }
          ]
        }
        """;

    public const string Monitoring = """
        {
          "id": "monitoring",
          "version": 1,
          "title": "Monitoring after return",
          "start": "report",
          "variables": {
            "months": { "type": "number", "input": true, "default": 12 },
            "child": { "type": "boolean", "input": true, "default": false },
            "reports": { "type": "number", "default": 0 },
            "internal.note": { "type": "string" }
          },
          "steps": [
            { "id": "report", "type": "partnerRequest", "partner": "receiving", "request": "monitoring-report",
              "outcomes": ["submitted"], "due": "P1M", "count": "reports" },
            { "id": "check", "type": "decision", "branches": [{ "when": "reports >= months", "outcome": "finished" }], "otherwise": "more" },
            { "id": "completed", "type": "end", "outcome": "completed" }
          ],
          "transitions": [
            { "from": "report", "outcome": "submitted", "to": "check" },
            { "from": "check", "outcome": "finished", "to": "completed" },
            { "from": "check", "outcome": "more", "to": "report" }
          ]
        }
        """;
}
