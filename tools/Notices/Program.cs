// Writes THIRD-PARTY-NOTICES from the app's restored packages, and fails on a licence that may not ship.
//   dotnet run --project tools/Notices -- src/Normative/obj/project.assets.json THIRD-PARTY-NOTICES
using Normative.Tools.Notices;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Notices <project.assets.json> <output file>");
    return 2;
}
var packagesFolder = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
    ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
var packages = PackageLicences.Read(args[0], packagesFolder);
var problems = packages.Select(PackageLicences.Problem).OfType<string>().ToList();
foreach (var problem in problems)
{
    Console.Error.WriteLine("notices: " + problem);
}
File.WriteAllText(args[1], PackageLicences.Notice(packages));
Console.Error.WriteLine($"notices: {packages.Count} packages written to {args[1]}.");
return problems.Count == 0 ? 0 : 1;
