using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Features.Development.Documents;

/// <summary>Reading the register: one query for a page of documents the reader may see, newest number first.</summary>
public static class DocumentRegister
{
    public const int PageSize = 50;

    public static IQueryable<DocumentRow> Rows(NormativeDb db, int committeeId, IReadOnlyCollection<DocumentAudience> audiences, DocumentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var documents = db.CommitteeDocuments.AsNoTracking().Where(d => d.CommitteeId == committeeId && audiences.Contains(d.Audience));
        if (filter.Number is { } number)
        {
            documents = documents.Where(d => d.Number == number);
        }
        if (filter.Type is { } type)
        {
            documents = documents.Where(d => d.Type == type);
        }
        if (filter.ProjectId is { } project)
        {
            documents = documents.Where(d => d.ProjectId == project);
        }
        if (filter.From is { } from)
        {
            documents = documents.Where(d => d.DocumentDate >= from);
        }
        if (filter.To is { } to)
        {
            documents = documents.Where(d => d.DocumentDate <= to);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var like = SqlLike.Contains(filter.Search.Trim());
            documents = documents.Where(d => EF.Functions.ILike(d.Title, like));
        }
        return from d in documents
               join f in db.StoredFiles on d.FileId equals f.Id
               orderby d.Number descending
               select new DocumentRow(d, f.Size, f.Sha256,
                   db.Projects.Where(p => p.Id == d.ProjectId).Select(p => p.Reference).FirstOrDefault(),
                   db.CommitteeDocuments.Where(s => s.Id == d.SupersedesId).Select(s => (int?)s.Number).FirstOrDefault(),
                   db.CommitteeDocuments.Where(s => s.SupersedesId == d.Id && audiences.Contains(s.Audience)).OrderBy(s => s.Number).Select(s => (int?)s.Number).FirstOrDefault());
    }
}
