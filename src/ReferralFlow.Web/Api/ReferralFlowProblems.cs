using ReferralFlow.Core;

namespace ReferralFlow.Web.Api;

/// <summary>Turns a problem the caller can fix (<see cref="ReferralFlowException"/>) into 400 problem details
/// carrying its message. Nothing changed: each runtime call is one transaction.</summary>
internal sealed class ReferralFlowProblems : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (ReferralFlowException e)
        {
            return TypedResults.Problem(
                title: "The request cannot be carried out", detail: e.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }
}
