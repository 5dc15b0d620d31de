namespace ReferralFlow.Engine.Tests.Simulation;

/// <summary>A small transnational return with monitoring, close to the real procedures coordinators write.</summary>
internal static class Procedures
{
    public const string Return = """
        { "id": "transnational-return", "version": 1, "title": "Transnational return", "start": "intake",
          "variables": {
            "person.isChild": { "type": "boolean", "input": true, "default": false },
            "risk.level": { "type": "string", "values": ["low", "high"] },
            "travel.arrivalAt": { "type": "date" },
            "monitoring.months": { "type": "number", "input": true, "default": 2 } },
          "steps": [
            { "id": "intake", "type": "task", "role": "caseworker", "outcomes": ["identified"], "sets": ["risk.level"], "due": "P5BD" },
            { "id": "route", "type": "decision", "otherwise": "standard",
              "branches": [ { "when": "person.isChild or risk.level == 'high'", "outcome": "protected" } ] },
            { "id": "tell-child-protection", "type": "notify", "to": "child-protection", "notice": "protected-return" },
            { "id": "accept-referral", "type": "partnerRequest", "partner": "receiving", "request": "accept-referral",
              "outcomes": ["accepted", "declined", "timeout"], "due": "P10D", "remind": ["-P2D", "P1D"],
              "escalate": [ { "after": "P2D", "to": "backup" }, { "after": "P5D", "to": "coordinator" },
                            { "after": "P14D", "to": "timeout" } ] },
            { "id": "find-partner", "type": "task", "role": "coordinator", "outcomes": ["found", "none"] },
            { "id": "book-travel", "type": "task", "role": "caseworker", "outcomes": ["booked"], "sets": ["travel.arrivalAt"], "due": "P10D" },
            { "id": "arrival-confirmation", "type": "partnerRequest", "partner": "receiving", "request": "arrival-confirmation",
              "outcomes": ["arrived"], "due": "PT6H", "dueFrom": "travel.arrivalAt", "escalate": [ { "after": "PT18H", "to": "focal-point" } ] },
            { "id": "monitoring", "type": "subworkflow", "workflow": "monitoring",
              "input": { "monitoring.months": "monitoring.months" }, "outcomes": ["completed"] },
            { "id": "returned", "type": "end", "outcome": "returned" },
            { "id": "not-placed", "type": "end", "outcome": "not-placed" } ],
          "transitions": [
            { "from": "intake", "outcome": "identified", "to": "route" },
            { "from": "route", "outcome": "protected", "to": "tell-child-protection" },
            { "from": "route", "outcome": "standard", "to": "accept-referral" },
            { "from": "tell-child-protection", "outcome": "done", "to": "accept-referral" },
            { "from": "accept-referral", "outcome": "accepted", "to": "book-travel" },
            { "from": "accept-referral", "outcome": "declined", "to": "find-partner" },
            { "from": "accept-referral", "outcome": "timeout", "to": "find-partner" },
            { "from": "find-partner", "outcome": "found", "to": "accept-referral" },
            { "from": "find-partner", "outcome": "none", "to": "not-placed" },
            { "from": "book-travel", "outcome": "booked", "to": "arrival-confirmation" },
            { "from": "arrival-confirmation", "outcome": "arrived", "to": "monitoring" },
            { "from": "monitoring", "outcome": "completed", "to": "returned" } ] }
        """;

    public const string Monitoring = """
        { "id": "monitoring", "version": 1, "title": "Monitoring", "start": "monthly-report",
          "variables": {
            "monitoring.months": { "type": "number", "input": true, "default": 12 },
            "monitoring.reports": { "type": "number" } },
          "steps": [
            { "id": "monthly-report", "type": "partnerRequest", "partner": "receiving", "request": "monitoring-report",
              "outcomes": ["received"], "count": "monitoring.reports", "due": "P1M", "remind": ["P3D"] },
            { "id": "more", "type": "decision", "otherwise": "enough",
              "branches": [ { "when": "monitoring.reports < monitoring.months", "outcome": "again" } ] },
            { "id": "next-month", "type": "wait", "for": "P1M" },
            { "id": "completed", "type": "end", "outcome": "completed" } ],
          "transitions": [
            { "from": "monthly-report", "outcome": "received", "to": "more" },
            { "from": "more", "outcome": "again", "to": "next-month" },
            { "from": "next-month", "outcome": "done", "to": "monthly-report" },
            { "from": "more", "outcome": "enough", "to": "completed" } ] }
        """;
}
