using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace ProdServer.Config;

/// <summary>
/// Writes imported processes as the <c>ProdServer</c> section of appsettings.json, with the typed property names as keys.
/// Written by <see cref="Utf8JsonWriter"/> with its default encoder, so any text from the settings is an escaped JSON string.
/// </summary>
internal static class ImportedAppSettingsWriter
{
    /// <summary>The JSON document, ending with a newline.</summary>
    public static string Write(IReadOnlyList<ImportedProcess> processes)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject(ProdServerOptions.SectionName);
            json.WriteStartObject("Processes");
            foreach (var process in processes)
            {
                json.WriteStartObject(process.Name);
                json.WriteString("Backend", process.Backend.Name);
                if (process.App is { } app)
                {
                    json.WriteString("App", app);
                }

                if (process.WorkingDirectory is { } directory)
                {
                    json.WriteString("WorkingDirectory", directory);
                }

                if (process.Python is { } python)
                {
                    json.WriteString("Python", python);
                }

                if (process.Venv is { } venv)
                {
                    json.WriteString("Venv", venv);
                }

                if (process.Environment.Count > 0)
                {
                    json.WriteStartObject("Environment");
                    foreach (var (name, value) in process.Environment)
                    {
                        json.WriteString(name, value);
                    }

                    json.WriteEndObject();
                }

                if (process.Args.Count > 0)
                {
                    json.WriteStartObject("Args");
                    foreach (var (property, value) in process.Args)
                    {
                        json.WritePropertyName(property);
                        WriteValue(json, value);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    // The value as the binder reads it back: numbers and booleans as JSON's, enums by member name, lists as arrays.
    private static void WriteValue(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case double number when double.IsFinite(number):
                json.WriteNumberValue(number);
                break;
            case double number:
                json.WriteStringValue(number.ToString(System.Globalization.CultureInfo.InvariantCulture)); // NaN, Infinity: no JSON number
                break;
            case IEnumerable items:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); // an enum member's name
                break;
        }
    }
}
