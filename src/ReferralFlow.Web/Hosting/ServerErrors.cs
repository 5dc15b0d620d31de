using Microsoft.AspNetCore.Diagnostics;

namespace ReferralFlow.Web.Hosting;

/// <summary>
/// What a caller sees when something fails on the server: a sentence and a status, never the exception's text, a
/// source path, a stack trace or the request's headers (the log has the exception). /api answers problem details;
/// pages show /error.
/// </summary>
internal sealed class ServerErrors(IProblemDetailsService problems) : IExceptionHandler
{
    public const string Title = "Something went wrong on the server";
    public const string Detail = "The request could not be completed. Try again; if it keeps failing, tell the coordinator.";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // The request's path already reads /error here: the failed request's own path is kept in the feature.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path;
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)) return false;
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        // No Exception on the context: the writer must have nothing to show.
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status500InternalServerError, Title = Title, Detail = Detail },
        });
    }

    /// <summary>Problem details written anywhere in the app (status code pages, refusals, a developer page left on by
    /// mistake) never carry the exception, its source paths or the request's headers.</summary>
    public static void Trim(ProblemDetailsContext context)
    {
        context.ProblemDetails.Extensions.Remove("exception");
    }
}
