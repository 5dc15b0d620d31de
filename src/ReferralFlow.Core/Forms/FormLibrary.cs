using ReferralFlow.Engine.Forms;

namespace ReferralFlow.Core.Forms;

/// <summary>
/// The forms beside the procedures, read when a task's form is shown or submitted. Unlike procedures they are not
/// published as versions: a coordinator's new field is offered from the next submission on, and a submission keeps
/// the values it was made with.
/// </summary>
public sealed class FormLibrary(string workflowsDirectory)
{
    public string Folder => Path.Combine(workflowsDirectory, FormCatalog.Folder);

    public FormDefinition Get(string formId)
    {
        var catalog = FormCatalog.Beside(workflowsDirectory);
        if (catalog.Forms.TryGetValue(formId, out var form)) return form;
        if (catalog.Broken.Contains(formId))
            throw new ReferralFlowException(
                $"The form '{formId}' has problems ({catalog.Problems.First(p => Path.GetFileNameWithoutExtension(p.File) == formId).Message}); " +
                "fix it, 'referralflow workflows validate' lists them all.");
        throw new ReferralFlowException($"There is no form '{formId}' in {Folder}; add {formId}.json there.");
    }
}
