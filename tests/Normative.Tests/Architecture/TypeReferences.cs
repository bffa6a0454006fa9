using System.Reflection;
using System.Reflection.Emit;
using Microsoft.AspNetCore.Razor.Hosting;

namespace Normative.Tests.Architecture;

/// <summary>
/// Which of an assembly's own types each of its types uses: in signatures, attributes and method
/// bodies (read from the IL). Nested and compiler-made types (lambdas, async state machines) count
/// for the type that declares them; a compiled Razor view counts for the folder of its .cshtml file.
/// </summary>
public static class TypeReferences
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>For each outermost type, the outermost types of the same assembly it refers to.</summary>
    public static Dictionary<Type, HashSet<Type>> Of(Assembly assembly)
    {
        var map = new Dictionary<Type, HashSet<Type>>();
        foreach (var type in assembly.GetTypes())
        {
            var owner = Outermost(type);
            if (!map.TryGetValue(owner, out var used))
            {
                map[owner] = used = [];
            }
            foreach (var t in Referenced(type))
            {
                foreach (var inner in Flatten(t))
                {
                    if (inner.Assembly == assembly && Outermost(inner) != owner)
                    {
                        used.Add(Outermost(inner));
                    }
                }
            }
        }
        return map;
    }

    /// <summary>The namespace a type belongs to; a Razor view's is its folder ("/Features/Store/Carts/Cart.cshtml" → Normative.Features.Store.Carts).</summary>
    public static string HomeOf(Type type, IReadOnlyDictionary<Type, string> views) =>
        views.TryGetValue(type, out var ns) ? ns : type.Namespace ?? "";

    public static Dictionary<Type, string> RazorViews(Assembly assembly) =>
        assembly.GetCustomAttributes<RazorCompiledItemAttribute>().ToDictionary(
            a => a.Type,
            a => "Normative" + string.Join("", Path.GetDirectoryName(a.Identifier)!.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(p => "." + p)));

    private static Type Outermost(Type type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }
        return type.IsGenericType && !type.IsGenericTypeDefinition ? type.GetGenericTypeDefinition() : type;
    }

    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var t in Flatten(type.GetElementType()!))
            {
                yield return t;
            }
            yield break;
        }
        if (type.IsGenericParameter)
        {
            yield break;
        }
        yield return type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                foreach (var t in Flatten(argument))
                {
                    yield return t;
                }
            }
        }
    }

    private static IEnumerable<Type> Referenced(Type type)
    {
        if (type.BaseType is { } b)
        {
            yield return b;
        }
        foreach (var i in type.GetInterfaces())
        {
            yield return i;
        }
        foreach (var a in type.CustomAttributes)
        {
            yield return a.AttributeType;
            foreach (var arg in a.ConstructorArguments.Concat(a.NamedArguments.Select(n => n.TypedValue)))
            {
                if (arg.Value is Type t)
                {
                    yield return t;
                }
            }
        }
        foreach (var f in type.GetFields(Everything))
        {
            yield return f.FieldType;
        }
        foreach (var p in type.GetProperties(Everything))
        {
            yield return p.PropertyType;
        }
        foreach (var m in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (m is MethodInfo mi)
            {
                yield return mi.ReturnType;
            }
            foreach (var p in m.GetParameters())
            {
                yield return p.ParameterType;
            }
            foreach (var a in m.CustomAttributes)
            {
                yield return a.AttributeType;
            }
            foreach (var t in InBody(type, m))
            {
                yield return t;
            }
        }
    }

    /// <summary>The types, methods and fields a method body's instructions name (call, newobj, ldtoken, castclass…).</summary>
    private static IEnumerable<Type> InBody(Type type, MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (BadImageFormatException)
        {
            il = null;
        }
        if (il is null)
        {
            yield break;
        }
        var module = method.Module;
        var typeArguments = type.IsGenericType ? type.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            short value = il[at++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[at++]);
            }
            var code = OpCodesByValue[value];
            switch (code.OperandType)
            {
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineType:
                case OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, at);
                    at += 4;
                    MemberInfo? member;
                    try
                    {
                        member = module.ResolveMember(token, typeArguments, methodArguments);
                    }
                    catch (ArgumentException)
                    {
                        member = null;
                    }
                    switch (member)
                    {
                        case Type t:
                            yield return t;
                            break;
                        case MethodBase called:
                            if (called.DeclaringType is { } d)
                            {
                                yield return d;
                            }
                            if (called.IsGenericMethod)
                            {
                                foreach (var g in called.GetGenericArguments())
                                {
                                    yield return g;
                                }
                            }
                            break;
                        case FieldInfo field:
                            if (field.DeclaringType is { } fd)
                            {
                                yield return fd;
                            }
                            break;
                    }
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget:
                case OperandType.ShortInlineI:
                case OperandType.ShortInlineVar:
                    at += 1;
                    break;
                case OperandType.InlineVar:
                    at += 2;
                    break;
                case OperandType.InlineI8:
                case OperandType.InlineR:
                    at += 8;
                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, at);
                    at += 4 + 4 * count;
                    break;
                default:
                    at += 4;
                    break;
            }
        }
    }
}
