namespace PolicyLoop.Analysis.Templates;

/// <summary>The templates mined so far, most frequent first, and which template each group belongs to.</summary>
public sealed class TemplateSet
{
    private readonly int[] _templateOfGroup;

    internal TemplateSet(IReadOnlyList<MinedTemplate> templates, int[] templateOfGroup)
    {
        Templates = templates;
        _templateOfGroup = templateOfGroup;
    }

    public IReadOnlyList<MinedTemplate> Templates { get; }

    /// <summary>Messages covered by all templates.</summary>
    public long MessageCount => Templates.Sum(template => template.Count);

    /// <summary>
    /// The index in <see cref="Templates"/> of the template that holds a group id returned by
    /// <see cref="TemplateMiner.Add"/>, or -1 for <see cref="TemplateMiner.Overflow"/>.
    /// </summary>
    public int IndexOfGroup(int groupId) =>
        groupId >= 0 && groupId < _templateOfGroup.Length ? _templateOfGroup[groupId] : -1;
}
