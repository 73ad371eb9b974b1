using System.Collections;
using System.ComponentModel;
using System.Reflection;

namespace Homelab.Dashboard.Configuration;

/// <summary>
/// Checks the raw <c>Homelab</c> configuration against the options types before binding: unknown keys (typos) and
/// values that cannot be converted are collected instead of stopping at the first, so one start-up lists them all.
/// </summary>
internal static class ConfigurationShapeCheck
{
    /// <summary>The problems found, and the configuration with only the well-formed values, safe to bind.</summary>
    public static (IReadOnlyList<string> Errors, IConfiguration Valid) Check(IConfigurationSection section, Type type)
    {
        var errors = new List<string>();
        var valid = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        Walk(section, type, errors, valid);
        return (errors, new ConfigurationBuilder().AddInMemoryCollection(valid).Build());
    }

    private static void Walk(IConfigurationSection section, Type type, List<string> errors, Dictionary<string, string?> valid)
    {
        // A map (e.g. Homelab:Auth:GroupRoles): any key is fine, only the values are checked.
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) && type.GetGenericArguments()[0] == typeof(string))
        {
            foreach (var child in section.GetChildren())
            {
                CheckValue(child, type.GetGenericArguments()[1], errors, valid);
            }

            return;
        }

        if (ListItemType(type) is { } itemType)
        {
            foreach (var child in section.GetChildren())
            {
                if (!int.TryParse(child.Key, out _))
                {
                    errors.Add($"{child.Path}: expected a list index (0, 1, …), got '{child.Key}'.");
                    continue;
                }

                CheckValue(child, itemType, errors, valid);
            }

            return;
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        foreach (var child in section.GetChildren())
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                var known = string.Join(", ", properties.Select(p => p.Name));
                errors.Add($"{child.Path}: unknown setting. Known settings here: {known}.");
                continue;
            }

            CheckValue(child, property.PropertyType, errors, valid);
        }
    }

    private static void CheckValue(IConfigurationSection section, Type declared, List<string> errors, Dictionary<string, string?> valid)
    {
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        var hasChildren = section.GetChildren().Any();
        if (!IsLeaf(type))
        {
            if (section.Value is { Length: > 0 } && !hasChildren)
            {
                errors.Add($"{section.Path}: expected a section with settings, got a single value.");
                return;
            }

            Walk(section, type, errors, valid);
            return;
        }

        if (hasChildren)
        {
            errors.Add($"{section.Path}: expected a single value, got a section.");
            return;
        }

        if (section.Value is not { Length: > 0 } value || type == typeof(string))
        {
            valid[section.Path] = section.Value;
            return;
        }

        try
        {
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            valid[section.Path] = value;
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException or OverflowException || ex.InnerException is FormatException)
        {
            errors.Add($"{section.Path}: '{value}' is not a valid {Describe(type)}.");
        }
    }

    private static bool IsLeaf(Type type) => type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan) || type == typeof(Uri);

    private static Type? ListItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0]
        : type.IsArray ? type.GetElementType()
        : typeof(IEnumerable).IsAssignableFrom(type) && type != typeof(string) ? type.GetGenericArguments().FirstOrDefault()
        : null;

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(bool) => "true/false value",
        _ when type == typeof(int) => "whole number",
        _ when type == typeof(double) => "number",
        _ when type == typeof(TimeSpan) => "duration (hh:mm:ss, e.g. 00:00:05)",
        _ when type.IsEnum => $"value (one of {string.Join(", ", Enum.GetNames(type))})",
        _ => type.Name,
    };
}
