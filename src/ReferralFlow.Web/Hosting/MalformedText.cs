using System.Net;
using System.Text.Json;
using ReferralFlow.Engine.Execution;

namespace ReferralFlow.Web.Hosting;

/// <summary>
/// The one check for text that cannot be stored (<see cref="StorableText"/>) on the way in: every query value, every
/// field of a posted form, every string of a JSON body. Such a request is answered 400 with a sentence that names the
/// field and what is wrong, before any page, endpoint or save sees it; the text itself is never repeated.
/// </summary>
internal static class MalformedText
{
    public const string Title = "The request carries text that cannot be stored";
    public const string UnreadableForm = "The form cannot be read: a field holds a NUL character (U+0000), or the form is larger than allowed.";

    /// <summary>A JSON body larger than this is left to the endpoint, which refuses it on its own terms.</summary>
    private const int MaxJsonBytes = 4 * 1024 * 1024;

    public static IApplicationBuilder UseMalformedTextRefusal(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (await ProblemAsync(context.Request, context.RequestAborted) is { } problem)
                await RefuseAsync(context, problem);
            else
                await next(context);
        });

    private static async Task<string?> ProblemAsync(HttpRequest request, CancellationToken ct)
    {
        foreach (var (name, values) in request.Query)
            if (Find(name, values, "query parameter") is { } problem) return problem;
        if (request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(ct);
            }
            catch (InvalidDataException)
            {
                // The form reader itself refuses a NUL (and a form past its limits) without saying which field.
                return UnreadableForm;
            }
            foreach (var (name, values) in form)
                if (Find(name, values, "form field") is { } problem) return problem;
        }
        else if (request.HasJsonContentType() && request.ContentLength is null or (> 0 and <= MaxJsonBytes))
            return await JsonProblemAsync(request, ct);
        return null;
    }

    private static string? Find(string name, Microsoft.Extensions.Primitives.StringValues values, string what)
    {
        if (StorableText.Problem(name) is { } badName) return $"A {what} has a name that {badName}.";
        foreach (var value in values)
            if (value is not null && StorableText.Problem(value) is { } problem)
                return $"The {what} '{Shown(name)}' {problem}.";
        return null;
    }

    private static async Task<string?> JsonProblemAsync(HttpRequest request, CancellationToken ct)
    {
        // Read once here and again by the endpoint.
        request.EnableBuffering(MaxJsonBytes);
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, ct);
        request.Body.Position = 0;
        if (copy.Length == 0 || copy.Length > MaxJsonBytes) return null;
        try
        {
            return StorableText.FindInJson(copy.GetBuffer().AsMemory(0, (int)copy.Length)) is { } bad
                ? $"The text at {bad.Path} {bad.Problem}." : null;
        }
        catch (JsonException e)
        {
            return $"The request body is not valid JSON (line {(e.LineNumber ?? 0) + 1}): fix the syntax.";
        }
    }

    private static async Task RefuseAsync(HttpContext context, string problem)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        var sentence = $"{problem} Nothing was changed: correct it and send it again.";
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || !AcceptsHtml(context.Request))
        {
            await Results.Problem(title: Title, detail: sentence, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8" /><meta name="robots" content="noindex" />
            <title>Text that cannot be stored · ReferralFlow</title><link rel="stylesheet" href="/css/site.css" /></head>
            <body><main class="container"><h1>{Title}</h1><p>{WebUtility.HtmlEncode(sentence)}</p>
            <p>Go back, correct the text and send the form again.</p></main></body></html>
            """, context.RequestAborted);
    }

    private static bool AcceptsHtml(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true) || request.HasFormContentType;

    // A field's name is shown when it is a plain name (the page's own), never arbitrary text.
    private static string Shown(string name) =>
        name.Length <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '[' or ']') ? name : "…";
}
