using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Npgsql;

namespace Normative.Web;

/// <summary>
/// Input no page or endpoint can use gets a 400, never a 500: a NUL character (PostgreSQL cannot
/// store one), a value the database refuses as malformed, a checkbox posted as "maybe".
/// </summary>
public static class BadInput
{
    /// <summary>The status for an exception that escaped a handler: 400 when the request's data caused it.</summary>
    public static int StatusCodeFor(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        // 22021: invalid byte sequence (a NUL in text); 22P05: a character the encoding cannot hold.
        PostgresException { SqlState: "22021" or "22P05" } => StatusCodes.Status400BadRequest,
        _ when exception.InnerException is { } inner && inner != exception => StatusCodeFor(inner),
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>Refuses, before anything runs, a query string that carries a NUL character.</summary>
    public static IApplicationBuilder UseBadInputGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Query.Any(q => q.Key.Contains('\0', StringComparison.Ordinal) || q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            await next(context);
        });

    /// <summary>
    /// A request no handler of the page answers gets 404 (a POST without <c>?handler=</c> to a page
    /// with only named POST handlers) or 405 (a method the page has no handler for): without this,
    /// Razor Pages renders the page with no handler run, and a page whose model its handler fills
    /// throws (a 500).
    /// </summary>
    public sealed class NoSuchHandler : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            var handlers = context.ActionDescriptor.HandlerMethods;
            if (context.HandlerMethod is not null || handlers.Count == 0)
            {
                return;
            }
            var method = HttpMethods.IsHead(context.HttpContext.Request.Method) ? HttpMethods.Get : context.HttpContext.Request.Method;
            if (handlers.Any(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)))
            {
                context.Result = new NotFoundResult();
                return;
            }
            context.HttpContext.Response.Headers.Allow = string.Join(", ", handlers.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct(StringComparer.Ordinal));
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }

    /// <summary>
    /// A yes/no field posted with another value ("maybe") is kept as a model error but shown again
    /// as "no": the checkbox tag helper cannot render a value it cannot convert and would throw.
    /// </summary>
    public sealed class UnreadableCheckboxes : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            ArgumentNullException.ThrowIfNull(context);
            var state = context.ModelState;
            foreach (var (key, entry) in state.Where(e => e.Value is { ValidationState: ModelValidationState.Invalid }).ToList())
            {
                if (entry!.AttemptedValue is { } attempted && !bool.TryParse(attempted, out _) && IsYesNo(context.HandlerInstance.GetType(), key))
                {
                    state.SetModelValue(key, rawValue: "false", attemptedValue: "false");
                }
            }
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }

        /// <summary>Whether the bound property named by a model-state key ("Input.RememberMe") is a bool.</summary>
        private static bool IsYesNo(Type root, string key)
        {
            var type = root;
            foreach (var part in key.Split('.'))
            {
                var name = part.Split('[')[0];
                var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                if (property is null)
                {
                    return false;
                }
                type = property.PropertyType;
                if (part.Contains('[', StringComparison.Ordinal))
                {
                    type = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().FirstOrDefault() ?? type;
                }
            }
            return (Nullable.GetUnderlyingType(type) ?? type) == typeof(bool);
        }
    }
}
