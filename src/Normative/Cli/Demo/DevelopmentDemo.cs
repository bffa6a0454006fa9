using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Development;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Comments;
using Normative.Features.Development.Documents;
using Normative.Features.Development.Experts;
using Normative.Features.Development.Liaisons;
using Normative.Features.Development.Membership;
using Normative.Features.Development.Projects;

namespace Normative.Cli.Demo;

/// <summary>
/// Loads the member bodies and committees shipped in Data/Development/ and, once, a living work programme:
/// projects at many stages with their history, open and closed ballots with votes and comments. The
/// history is played through the same operations the site uses, with past dates. Safe to run again.
/// </summary>
public static class DevelopmentDemo
{
    public sealed record Summary(int MemberBodies, int Committees, int Delegates, int Projects, int Ballots);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The committees the demo committee manager runs.</summary>
    private static readonly string[] Managed = ["ISO/TC 176/SC 2", "ISO/IEC JTC 1/SC 27", "ISO/IEC JTC 1/SC 42", "ISO/TC 283", "ISO/TC 262", "ISO/TC 292"];

    public static async Task<Summary> LoadAsync(NormativeDb db, UserManager<User> users, DevelopmentMail mail, DateTimeOffset now, CancellationToken ct)
    {
        var bodies = await LoadMemberBodiesAsync(db, ct);
        var committees = await LoadCommitteesAsync(db, bodies, ct);
        var manager = await users.FindByEmailAsync("manager@demo.normative.test")
            ?? throw new InvalidOperationException("Load the demo users first.");
        foreach (var reference in Managed)
        {
            committees[reference].ManagerUserId = manager.Id;
        }
        await db.SaveChangesAsync(ct);
        // Committees from an open-data import get their members from the lists they came with.
        foreach (var other in await db.Committees.Where(c => c.PMembers.Count > 0 || c.OMembers.Count > 0).ToListAsync(ct))
        {
            await Memberships.AdoptOpenDataListsAsync(db, other, now, ct);
        }
        var delegates = await LoadDelegatesAsync(db, users, bodies, now, ct);
        await MeetingsDemo.LoadAsync(db, committees, delegates, now, ct);

        if (!await db.Projects.AnyAsync(ct))
        {
            await new Scenario(db, mail, manager.Id, delegates, committees, now, ct).PlayAsync();
        }
        else
        {
            // The catalogue's demo loader puts its sample stages back on every run; the projects are the later word.
            foreach (var p in await db.Projects.AsNoTracking().Where(p => p.DeliverableId != null).ToListAsync(ct))
            {
                var reference = ProjectReference.Current(p);
                await db.Deliverables.Where(d => d.Id == p.DeliverableId).ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.CurrentStage, p.Stage)
                    .SetProperty(d => d.Reference, d => StageCodes.IsPublished(p.Stage) ? d.Reference : reference), ct);
            }
        }
        await LoadExpertsAndLiaisonsAsync(db, users, committees, delegates, now, ct);
        await DocumentsDemo.LoadAsync(db, committees, manager.Id, now, ct);
        return new Summary(bodies.Count, committees.Count, delegates.Count, await db.Projects.CountAsync(ct), await db.Ballots.CountAsync(ct));
    }

    private static async Task<Dictionary<string, MemberBody>> LoadMemberBodiesAsync(NormativeDb db, CancellationToken ct)
    {
        var existing = await db.MemberBodies.ToDictionaryAsync(m => m.CountryCode, ct);
        foreach (var line in ReadLines<MemberLine>("member-bodies.jsonl"))
        {
            if (!existing.TryGetValue(line.Code, out var m))
            {
                m = new MemberBody
                {
                    CountryCode = line.Code, CountryCode3 = line.Code3, CountryEn = line.Country.En, CountryFr = line.Country.Fr,
                    CountryEs = line.Country.Es, CountryRu = line.Country.Ru, Acronym = line.Acronym, Name = line.Name,
                };
                db.MemberBodies.Add(m);
                existing[line.Code] = m;
            }
            m.CountryCode3 = line.Code3;
            m.CountryEn = line.Country.En;
            m.CountryFr = line.Country.Fr;
            m.CountryEs = line.Country.Es;
            m.CountryRu = line.Country.Ru;
            m.Acronym = line.Acronym;
            m.Name = line.Name;
            m.Category = Enum.Parse<MemberCategory>(line.Category);
            m.Region = Enum.Parse<Region>(line.Region);
            m.WebSite = line.WebSite;
        }
        await db.SaveChangesAsync(ct);
        return existing.Values.ToDictionary(m => m.Acronym);
    }

    private static async Task<Dictionary<string, Committee>> LoadCommitteesAsync(NormativeDb db, Dictionary<string, MemberBody> bodies, CancellationToken ct)
    {
        var lines = ReadLines<CommitteeLine>("committees.jsonl");
        var references = lines.Select(l => l.Reference).ToList();
        var existing = await db.Committees.Where(c => references.Contains(c.Reference)).ToDictionaryAsync(c => c.Reference, ct);
        foreach (var line in lines)
        {
            if (!existing.TryGetValue(line.Reference, out var c))
            {
                c = new Committee { Reference = line.Reference, TitleEn = line.TitleEn };
                db.Committees.Add(c);
                existing[line.Reference] = c;
            }
            c.TitleEn = line.TitleEn;
            c.TitleFr = line.TitleFr;
            c.Scope = line.Scope;
            c.CreationDate = line.CreationDate;
            c.Status = "Active";
            c.Secretariat = line.Secretariat;
            c.SecretariatMemberBodyId = line.Secretariat is null ? null : bodies[line.Secretariat].Id;
            c.Chair = line.Chair;
            if (line.Parent is not null)
            {
                await db.SaveChangesAsync(ct);
                c.ParentId = existing[line.Parent].Id;
            }
        }
        await db.SaveChangesAsync(ct);

        foreach (var line in lines)
        {
            var committee = existing[line.Reference];
            if (await db.CommitteeMemberships.AnyAsync(m => m.CommitteeId == committee.Id, ct))
            {
                continue;
            }
            var since = line.CreationDate is { } created && created > new DateOnly(2015, 1, 1) ? created : new DateOnly(2015, 1, 1);
            var at = new DateTimeOffset(since.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            foreach (var (acronyms, status) in new[] { (line.P, MembershipStatus.P), (line.O, MembershipStatus.O) })
            {
                foreach (var acronym in acronyms)
                {
                    db.CommitteeMemberships.Add(new CommitteeMembership { CommitteeId = committee.Id, MemberBodyId = bodies[acronym].Id, Status = status, Since = since });
                    db.MembershipEvents.Add(new MembershipEvent
                    {
                        CommitteeId = committee.Id, MemberBodyId = bodies[acronym].Id, Kind = MembershipEventKind.Joined, ToStatus = status, At = at,
                    });
                }
            }
            await db.SaveChangesAsync(ct);
            await Memberships.SyncOpenDataListsAsync(db, committee, ct);
        }
        return existing;
    }

    /// <summary>One delegate per member body of the demo committees: the demo delegate for UNE, generated people for the others.</summary>
    private static async Task<Dictionary<string, (MemberBody Body, string UserId)>> LoadDelegatesAsync(NormativeDb db, UserManager<User> users,
        Dictionary<string, MemberBody> bodies, DateTimeOffset now, CancellationToken ct)
    {
        var acronyms = ReadLines<CommitteeLine>("committees.jsonl").SelectMany(l => l.P.Concat(l.O)).Distinct().Order(StringComparer.Ordinal).ToList();
        var result = new Dictionary<string, (MemberBody, string)>();
        foreach (var acronym in acronyms)
        {
            var email = acronym == "UNE" ? "delegate@demo.normative.test" : $"delegate.{new string(acronym.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray())}@demo.normative.test";
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"{acronym} delegate" };
                var created = await users.CreateAsync(user, AccountsDemo.Password);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException($"Demo delegate {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
                }
            }
            if (!await users.IsInRoleAsync(user, Roles.Delegate))
            {
                await users.AddToRoleAsync(user, Roles.Delegate);
            }
            var body = bodies[acronym];
            if (!await db.MemberBodyDelegates.AnyAsync(d => d.MemberBodyId == body.Id && d.UserId == user.Id, ct))
            {
                db.MemberBodyDelegates.Add(new MemberBodyDelegate { MemberBodyId = body.Id, UserId = user.Id, AddedAt = now });
            }
            result[acronym] = (body, user.Id);
        }
        await db.SaveChangesAsync(ct);
        return result;
    }

    /// <summary>
    /// ISO/TC 176/SC 2's liaisons (A, B, internal) and its WG 29 with a convener, experts of four member
    /// bodies and of a category C liaison; the demo delegate (UNE) convenes it. Once: skipped when SC 2 has liaisons.
    /// </summary>
    private static async Task LoadExpertsAndLiaisonsAsync(NormativeDb db, UserManager<User> users, Dictionary<string, Committee> committees,
        Dictionary<string, (MemberBody Body, string UserId)> delegates, DateTimeOffset now, CancellationToken ct)
    {
        var sc2 = committees["ISO/TC 176/SC 2"];
        var wg29 = committees["ISO/TC 176/SC 2/WG 29"];
        if (await db.CommitteeLiaisons.AnyAsync(l => l.CommitteeId == sc2.Id, ct))
        {
            return;
        }
        static T Check<T>(Attempt<T> attempt) =>
            attempt.Succeeded ? attempt.Value : throw new InvalidOperationException($"Demo step refused: {attempt.Error.Key} ({string.Join(", ", attempt.Error.Args)})");
        var manager = (await users.FindByEmailAsync("manager@demo.normative.test"))!.Id;
        var iaf = Check(await LiaisonActions.EstablishAsync(db, sc2.Id, LiaisonCategory.A, "International Accreditation Forum (IAF)", null, manager, now.AddYears(-6), ct));
        Check(await LiaisonActions.EstablishAsync(db, sc2.Id, LiaisonCategory.B, "International Aerospace Quality Group (IAQG)", null, manager, now.AddYears(-4), ct));
        Check(await LiaisonActions.EstablishAsync(db, sc2.Id, LiaisonCategory.Internal, null, "ISO/TC 176/SC 1", manager, now.AddYears(-8), ct));
        var eoq = Check(await LiaisonActions.EstablishAsync(db, wg29.Id, LiaisonCategory.C, "European Organization for Quality (EOQ)", null, manager, now.AddYears(-2), ct));
        if (await users.FindByEmailAsync("customer@demo.normative.test") is { Email: { } customer })
        {
            Check(await LiaisonActions.AddRepresentativeAsync(db, sc2.Id, iaf.Id, customer, now.AddYears(-1), ct));
        }
        Check(await ExpertActions.AppointConvenerAsync(db, wg29.Id, "delegate@demo.normative.test", ct));
        foreach (var acronym in new[] { "UNE", "BSI", "DIN", "AFNOR" })
        {
            var (name, email) = acronym == "UNE" ? ("UNE delegate", "delegate@demo.normative.test") : ExpertOf(acronym);
            if (!await db.CommitteeExperts.AnyAsync(e => e.CommitteeId == wg29.Id && e.Email == email, ct))
            {
                Check(await ExpertActions.NominateAsync(db, new ExpertNomination(wg29.Id, name, email, delegates[acronym].Body.Id, null), delegates[acronym].UserId, now.AddDays(-400), ct));
            }
        }
        Check(await ExpertActions.NominateAsync(db, new ExpertNomination(wg29.Id, "Marta Kowalska", "marta.kowalska@eoq.demo.normative.test", null, eoq.Id), manager, now.AddDays(-300), ct));
    }

    private static readonly string[] GivenNames = ["Amina", "Bruno", "Chen", "Dorothea", "Emeka", "Farah", "Gustavo", "Hanna", "Ivan", "Júlia", "Kenji", "Leila"];
    private static readonly string[] FamilyNames = ["Okafor", "Lindqvist", "Moreau", "Sato", "Petrov", "Alvarez", "Kaur", "Nowak", "Haddad", "Fischer", "Mensah", "Rossi"];

    /// <summary>The expert a member body puts forward in the demo: a made-up person, the same for every ballot.</summary>
    private static (string Name, string Email) ExpertOf(string acronym)
    {
        var h = acronym.Aggregate(7, (a, c) => (a * 31 + c) % 9973);
        var given = GivenNames[h % GivenNames.Length];
        var family = FamilyNames[h / GivenNames.Length % FamilyNames.Length];
        var ascii = new string($"{given}.{family}".Normalize(System.Text.NormalizationForm.FormD).Where(c => char.IsAsciiLetter(c) || c == '.').ToArray()).ToLowerInvariant();
        return ($"{given} {family}", $"{ascii}@{new string(acronym.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray())}.demo.normative.test");
    }

    private static List<T> ReadLines<T>(string file)
    {
        using var stream = typeof(DevelopmentDemo).Assembly.GetManifestResourceStream("Normative.Cli.Demo.Data.Development." + file)
            ?? throw new InvalidOperationException($"The demo file {file} is not embedded.");
        using var reader = new StreamReader(stream);
        var list = new List<T>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                list.Add(JsonSerializer.Deserialize<T>(line, Json)!);
            }
        }
        return list;
    }

    private sealed record Names(string En, string Fr, string Es, string Ru);

    private sealed record MemberLine(string Code, string Code3, Names Country, string Acronym, string Name, string Category, string Region, string? WebSite);

    private sealed record CommitteeLine(string Reference, string? Parent, string TitleEn, string? TitleFr, string? Scope, DateOnly? CreationDate,
        string? Secretariat, string? Chair, List<string> P, List<string> O);

    /// <summary>The work programme's history, played through the site's own operations with past dates.</summary>
    private sealed class Scenario(NormativeDb db, DevelopmentMail mail, string managerId, Dictionary<string, (MemberBody Body, string UserId)> delegates,
        Dictionary<string, Committee> committees, DateTimeOffset now, CancellationToken ct)
    {
        private DateTimeOffset Ago(int days) => now.AddDays(-days);

        public async Task PlayAsync()
        {
            var sc2 = committees["ISO/TC 176/SC 2"];
            var sc2P = await PMembersAsync(sc2);

            // ISO 9001: the revision, at the enquiry with an open DIS ballot and a public consultation.
            var iso9001 = await CreateAsync(new ProjectDraft(sc2.Id, "ISO 9001", "Quality management systems — Requirements",
                "Systèmes de management de la qualité — Exigences",
                "Requirements for a quality management system for organizations that need to show they can consistently provide products and services that meet customer and regulatory requirements.",
                36, "Amelia Carter", StageCodes.ProposalRegistered, await ReferenceIfAsync("ISO 9001:2015")), Ago(800));
            await LinkAsync(iso9001, "ISO/DIS 9001");
            await NpAsync(iso9001, sc2P, Ago(795), Ago(711), approve: 18, experts: 9, disapprove: 2, abstain: 2);
            await MoveAsync(iso9001, [2000, 2020], Ago(705));
            await MoveAsync(iso9001, [2060, 2099, 3000], Ago(480));
            var cd = await OpenAsync(iso9001, BallotKind.CD, Ago(470), Ago(414));
            await CommentAsync(cd, "AFNOR", "5.1", "te", "The leadership requirements should address the organization's quality culture explicitly.", "Add a requirement on promoting a quality culture.", Ago(440));
            await CommentAsync(cd, "DIN", "4.1", "ge", "Climate change is now covered by Amendment 1; keep the wording aligned.", null, Ago(430));
            await CloseAsync(cd, Ago(414));
            await MoveAsync(iso9001, [3099, 4000], Ago(60));
            var dis = await OpenAsync(iso9001, BallotKind.DIS, Ago(28), now.AddDays(56), publicConsultation: true, withMail: true);
            var disVotes = new (string, VotePosition, string?)[]
            {
                ("AFNOR", VotePosition.Approve, null), ("ANSI", VotePosition.Approve, null), ("BSI", VotePosition.Approve, null),
                ("SCC", VotePosition.Approve, null), ("SAC", VotePosition.Approve, null), ("BIS", VotePosition.Approve, null),
                ("JISC", VotePosition.Approve, null), ("KATS", VotePosition.Approve, null), ("NEN", VotePosition.Approve, null),
                ("SIS", VotePosition.Approve, null), ("SA", VotePosition.Approve, null),
                ("DIN", VotePosition.Disapprove, "Clause 6.3 on planning of changes conflicts with clause 8.5.6; the requirements overlap and would be audited twice."),
                ("UNI", VotePosition.Disapprove, null),
                ("ABNT", VotePosition.Abstain, null),
            };
            var day = 26;
            foreach (var (acronym, position, reasons) in disVotes)
            {
                await VoteAsync(dis, acronym, position, Ago(day--), reasons);
            }
            await CommentAsync(dis, "DIN", "6.3", "te", "Planning of changes repeats the control of changes in 8.5.6.", "Merge 6.3 into 8.5.6 and keep one requirement.", Ago(20));
            await CommentAsync(dis, "BSI", "Introduction", "ed", "The figure of the process approach has no key.", "Add a key to Figure 1.", Ago(19));
            await CommentAsync(dis, "ANSI", "4.4.1", "te", "Item c) asks for criteria and methods but not for their review.", "Add 'and review them at planned intervals'.", Ago(18));
            await CommentAsync(dis, "AFNOR", "10.2", "ed", "Note 2 repeats the text of 10.2.1 b).", "Delete Note 2.", Ago(17));
            await CommentAsync(dis, "SAC", "4.4.1", "ed", "'Organisation' and 'organization' are both used.", "Use 'organization' throughout.", Ago(16));
            await CommentAsync(dis, "ABNT", "A.2", "ge", "Annex A would help small organizations with an example.", "Add an example for a small organization.", Ago(15));
            if (await db.Users.FirstOrDefaultAsync(u => u.Email == "customer@demo.normative.test", ct) is { } customer)
            {
                Check(await CommentActions.AddAsync(db, dis.Id, customer.Id, [], new CommentInput(null, "212", "7.1.6", null, "te",
                    "As a small supplier we cannot tell what 'organizational knowledge' has to be kept in writing.", "Give examples in a note."), true, "browser", Ago(9), ct: ct));
                Check(await CommentActions.AddAsync(db, dis.Id, customer.Id, [], new CommentInput(null, null, "3", null, "ed",
                    "Clause 3 only points to ISO 9000; a short list of the key terms would help readers.", null), true, "browser", Ago(8), ct: ct));
            }

            // ISO/TS 9002: a new work item approved two months ago; six P-members did not vote.
            var ts9002 = await CreateAsync(new ProjectDraft(sc2.Id, "ISO/TS 9002", "Quality management systems — Guidelines for the application of ISO 9001",
                "Systèmes de management de la qualité — Lignes directrices pour l'application de l'ISO 9001", null, 24, "Rahul Iyer"), Ago(170));
            await NpAsync(ts9002, sc2P, Ago(150), Ago(66), approve: 12, experts: 6, disapprove: 2, abstain: 2);
            await MoveAsync(ts9002, [2000], Ago(60));

            // ISO 10005: a committee draft out for comments.
            var iso10005 = await CreateAsync(new ProjectDraft(sc2.Id, "ISO 10005", "Quality management — Guidelines for quality plans",
                "Management de la qualité — Lignes directrices pour les plans qualité", null, 36, "Sofia Martínez"), Ago(620));
            await NpAsync(iso10005, sc2P, Ago(615), Ago(531), approve: 17, experts: 7, disapprove: 1, abstain: 3);
            await MoveAsync(iso10005, [2000, 2020], Ago(525));
            await MoveAsync(iso10005, [2060, 2099, 3000], Ago(40));
            var cd10005 = await OpenAsync(iso10005, BallotKind.CD, Ago(20), now.AddDays(36));
            await CommentAsync(cd10005, "BSI", "7.2", "te", "Resources for the quality plan should include external providers.", "Add 'including external providers'.", Ago(10));

            // ISO 10006: registered long ago and stuck at the working draft: overdue against its track.
            var iso10006 = await CreateAsync(new ProjectDraft(sc2.Id, "ISO 10006", "Quality management — Guidelines for quality management in projects",
                "Management de la qualité — Lignes directrices pour le management de la qualité dans les projets", null, 36, "Tomás Novák"), Ago(1040));
            await NpAsync(iso10006, sc2P, Ago(1035), Ago(951), approve: 16, experts: 6, disapprove: 3, abstain: 1);
            await MoveAsync(iso10006, [2000, 2020], Ago(940));

            // ISO 9001:2015/Amd 1: an amendment taken from proposal to publication in 2023–2024.
            if (await db.Deliverables.AnyAsync(d => d.Reference == "ISO 9001:2015", ct))
            {
                var amd = await CreateAsync(new ProjectDraft(sc2.Id, "ISO 9001:2015/Amd 1", "Quality management systems — Requirements — Amendment 1: Climate action changes",
                    null, null, 18, "Amelia Carter"), At(2023, 2, 20));
                await LinkAsync(amd, "ISO 9001:2015/Amd 1:2024");
                await NpAsync(amd, sc2P, At(2023, 3, 1), At(2023, 5, 24), approve: 19, experts: 8, disapprove: 0, abstain: 1);
                await MoveAsync(amd, [2000, 2020, 2060, 2099, 4000], At(2023, 8, 15));
                var amdDis = await OpenAsync(amd, BallotKind.DIS, At(2023, 9, 1), At(2023, 11, 24));
                await VotesAsync(amdDis, sc2P.Take(19), VotePosition.Approve, At(2023, 10, 1));
                await CloseAsync(amdDis, At(2023, 11, 24));
                await MoveAsync(amd, [6000], At(2023, 12, 15), "Approved at enquiry with no negative vote: the final draft is skipped.");
                await MoveAsync(amd, [6060], At(2024, 2, 23));
            }

            // ISO/IEC 27701: the final draft out for its approval vote.
            var sc27 = committees["ISO/IEC JTC 1/SC 27"];
            var sc27P = await PMembersAsync(sc27);
            var iso27701 = await CreateAsync(new ProjectDraft(sc27.Id, "ISO/IEC 27701",
                "Information security, cybersecurity and privacy protection — Privacy information management systems — Requirements and guidance",
                "Sécurité de l'information, cybersécurité et protection de la vie privée — Systèmes de management de la protection de la vie privée — Exigences et recommandations",
                null, 24, "Hiroshi Tanaka"), Ago(760));
            await NpAsync(iso27701, sc27P, Ago(755), Ago(671), approve: 17, experts: 8, disapprove: 1, abstain: 2);
            await MoveAsync(iso27701, [2000, 2020, 2060, 2099, 4000], Ago(300));
            var dis27701 = await OpenAsync(iso27701, BallotKind.DIS, Ago(290), Ago(206));
            await VotesAsync(dis27701, sc27P.Take(16), VotePosition.Approve, Ago(250));
            await VoteAsync(dis27701, sc27P[16], VotePosition.Disapprove, Ago(240), "The mapping to the GDPR in Annex D is out of date.");
            await CloseAsync(dis27701, Ago(206));
            await MoveAsync(iso27701, [5000], Ago(30));
            var fdis = await OpenAsync(iso27701, BallotKind.FDIS, Ago(14), now.AddDays(28), withMail: true);
            await VotesAsync(fdis, sc27P.Take(8), VotePosition.Approve, Ago(7));

            // ISO/IEC 42001:2023/Amd 1: a new work item proposal open now.
            var sc42 = committees["ISO/IEC JTC 1/SC 42"];
            if (await db.Deliverables.AnyAsync(d => d.Reference == "ISO/IEC 42001:2023", ct))
            {
                var amd42001 = await CreateAsync(new ProjectDraft(sc42.Id, "ISO/IEC 42001:2023/Amd 1",
                    "Information technology — Artificial intelligence — Management system — Amendment 1: Guidance on AI system impact assessment", null, null, 18, "Nadia Haddad"), Ago(12));
                var np = await OpenAsync(amd42001, BallotKind.NP, Ago(10), now.AddDays(74), withMail: true);
                var sc42P = await PMembersAsync(sc42);
                await VoteAsync(np, sc42P[0], VotePosition.Approve, Ago(8), expert: true);
                await VoteAsync(np, sc42P[1], VotePosition.Approve, Ago(6), expert: true);
                await VoteAsync(np, sc42P[2], VotePosition.Disapprove, Ago(5));
            }

            // Systematic reviews: ISO 45001 confirmed, ISO 22301 decided by the manager after a tie, ISO 31000 open now.
            await ReviewAsync("ISO 45001:2018", "ISO/TC 283", At(2023, 1, 16), At(2023, 6, 5),
                [(VotePosition.Confirm, 10, 0), (VotePosition.Revise, 2, 2), (VotePosition.Abstain, 1, 0)], null);
            await ReviewAsync("ISO 22301:2019", "ISO/TC 292", Ago(210), Ago(70),
                [(VotePosition.Confirm, 4, 0), (VotePosition.Revise, 4, 3), (VotePosition.Withdraw, 1, 0)],
                (BallotOutcome.Revise, "A tie between confirmation and revision: revised, because the business continuity requirements must now cover supply chains."));
            await ReviewAsync("ISO 31000:2018", "ISO/TC 262", Ago(100), now.AddDays(40),
                [(VotePosition.Confirm, 3, 0), (VotePosition.Revise, 3, 2)], null);
        }

        private async Task ReviewAsync(string reference, string committee, DateTimeOffset opened, DateTimeOffset closes,
            (VotePosition Position, int Count, int Experts)[] votes, (BallotOutcome Decision, string Note)? decision)
        {
            var deliverable = await db.Deliverables.AsNoTracking().FirstOrDefaultAsync(d => d.Reference == reference, ct);
            if (deliverable is null)
            {
                return;
            }
            var c = committees[committee];
            if (deliverable.CurrentStage is not (6060 or 9093))
            {
                return;
            }
            var adopted = Check(await ProjectActions.AdoptAsync(db, deliverable.Id, c.Id, managerId, opened.AddDays(-1), ct));
            var open = closes > now;
            var ballot = await OpenAsync(adopted, BallotKind.SR, opened, closes, withMail: open);
            var p = await PMembersAsync(c);
            var i = 0;
            foreach (var (position, count, experts) in votes)
            {
                for (var n = 0; n < count; n++, i++)
                {
                    await VoteAsync(ballot, p[i], position, opened.AddDays(10 + i), expert: n < experts);
                }
            }
            if (!open)
            {
                await CloseAsync(ballot, closes);
                if (decision is { } d)
                {
                    Check(await BallotActions.DecideAsync(db, ballot.Id, managerId, d.Decision, d.Note, closes.AddDays(3), ct));
                }
            }
        }

        private async Task<List<string>> PMembersAsync(Committee c) =>
            await db.CommitteeMemberships.Where(m => m.CommitteeId == c.Id && m.Status == MembershipStatus.P)
                .OrderBy(m => m.MemberBody!.Acronym).Select(m => m.MemberBody!.Acronym).ToListAsync(ct);

        private async Task<string?> ReferenceIfAsync(string reference) =>
            await db.Deliverables.AnyAsync(d => d.Reference == reference, ct) ? reference : null;

        private async Task<Project> CreateAsync(ProjectDraft draft, DateTimeOffset at) =>
            Check(await ProjectActions.CreateAsync(db, draft, managerId, at, ct));

        /// <summary>Ties the project to the catalogue's record of the same document, so publication updates it instead of adding another.</summary>
        private async Task LinkAsync(Project project, string reference)
        {
            var id = await db.Deliverables.Where(d => d.Reference == reference).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
            if (id is not null)
            {
                await db.Projects.Where(p => p.Id == project.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.DeliverableId, id), ct);
                db.ChangeTracker.Clear();
            }
        }

        private async Task MoveAsync(Project project, int[] stages, DateTimeOffset at, string? note = null)
        {
            foreach (var stage in stages)
            {
                if (DraftRules.ForStage(stage) is { } draft)
                {
                    await DraftsDemo.FileAsync(db, project, draft, at, ct);
                }
                Check(await ProjectActions.MoveAsync(db, project.Id, stage, managerId, note, at, null, ct));
                at = at.AddDays(1);
            }
        }

        private async Task<Ballot> OpenAsync(Project project, BallotKind kind, DateTimeOffset opened, DateTimeOffset closes, bool publicConsultation = false, bool withMail = false) =>
            Check(await BallotActions.OpenAsync(db, withMail ? mail : null, new BallotDurations(), new BallotRequest(project.Id, kind, closes, publicConsultation), managerId, opened, ct));

        private async Task CloseAsync(Ballot ballot, DateTimeOffset at)
        {
            Check(await BallotActions.CloseAsync(db, null, ballot.Id, managerId, at, null, ct));
            db.ChangeTracker.Clear();
        }

        private async Task NpAsync(Project project, List<string> pMembers, DateTimeOffset opened, DateTimeOffset closes, int approve, int experts, int disapprove, int abstain)
        {
            var ballot = await OpenAsync(project, BallotKind.NP, opened, closes);
            var i = 0;
            for (var n = 0; n < approve; n++, i++)
            {
                await VoteAsync(ballot, pMembers[i], VotePosition.Approve, opened.AddDays(7 + i), expert: n < experts);
            }
            for (var n = 0; n < disapprove; n++, i++)
            {
                await VoteAsync(ballot, pMembers[i], VotePosition.Disapprove, opened.AddDays(7 + i));
            }
            for (var n = 0; n < abstain; n++, i++)
            {
                await VoteAsync(ballot, pMembers[i], VotePosition.Abstain, opened.AddDays(7 + i));
            }
            await CloseAsync(ballot, closes);
        }

        private async Task VotesAsync(Ballot ballot, IEnumerable<string> acronyms, VotePosition position, DateTimeOffset at)
        {
            foreach (var acronym in acronyms)
            {
                await VoteAsync(ballot, acronym, position, at);
                at = at.AddHours(5);
            }
        }

        private async Task VoteAsync(Ballot ballot, string acronym, VotePosition position, DateTimeOffset at, string? reasons = null, bool expert = false)
        {
            var (body, userId) = delegates[acronym];
            Check(await BallotActions.CastAsync(db, ballot.Id, userId, [body], new VoteRequest(position, null, reasons, expert, expert ? ExpertOf(acronym).Name : null, expert ? ExpertOf(acronym).Email : null), at, ct));
        }

        private async Task CommentAsync(Ballot ballot, string acronym, string clause, string type, string text, string? proposal, DateTimeOffset at)
        {
            var (body, userId) = delegates[acronym];
            Check(await CommentActions.AddAsync(db, ballot.Id, userId, [body], new CommentInput(null, null, clause, null, type, text, proposal), false, "browser", at, ct: ct));
        }

        private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.Zero);

        private static T Check<T>(Attempt<T> attempt) =>
            attempt.Succeeded ? attempt.Value : throw new InvalidOperationException($"Demo step refused: {attempt.Error.Key} ({string.Join(", ", attempt.Error.Args)})");
    }
}
