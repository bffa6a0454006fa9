using System.Text;

namespace Normative.Features.Certification.Import;

/// <summary>
/// Reads RFC 4180 CSV one record at a time in constant memory: commas between fields, double
/// quotes around fields that hold commas, quotes ("" inside) or line breaks, and LF or CRLF line
/// ends. Knows the line each record starts on, so that errors can name it. A stray quote inside an
/// unquoted field is kept as a character, as spreadsheets write it.
/// </summary>
public sealed class CsvRecordReader(TextReader reader, int maxFieldLength = CsvRecordReader.DefaultMaxFieldLength)
{
    public const int DefaultMaxFieldLength = 20_000;
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _field = new();
    private int _length;
    private int _position;
    private int _line = 1;
    private bool _atStart = true;

    /// <summary>The line the last record read starts on (1 for the header).</summary>
    public int RecordLine { get; private set; }

    /// <summary>
    /// The next record, or null at the end. Blank lines are skipped. A structural problem (an
    /// unclosed quote, text after a closing quote, a field over the size limit) throws
    /// <see cref="CsvFormatException"/> naming the line.
    /// </summary>
    public List<string>? Read()
    {
        while (true)
        {
            if (!EnsureData())
            {
                return null;
            }
            if (_atStart)
            {
                _atStart = false;
                // A UTF-8 byte order mark that the decoder left in place.
                if (_buffer[_position] == '\uFEFF')
                {
                    _position++;
                    continue;
                }
            }
            var c = _buffer[_position];
            if (c == '\n')
            {
                _position++;
                _line++;
                continue;
            }
            if (c == '\r')
            {
                _position++;
                continue;
            }
            break;
        }

        RecordLine = _line;
        var fields = new List<string>(12);
        while (true)
        {
            var end = ReadField(fields);
            if (end)
            {
                return fields;
            }
        }
    }

    /// <returns>True when the record ended after this field.</returns>
    private bool ReadField(List<string> fields)
    {
        _field.Clear();
        if (!EnsureData())
        {
            fields.Add("");
            return true;
        }
        if (_buffer[_position] == '"')
        {
            _position++;
            var startLine = _line;
            while (true)
            {
                if (!EnsureData())
                {
                    throw new CsvFormatException(startLine, CsvProblem.UnclosedQuote);
                }
                var c = _buffer[_position++];
                if (c == '"')
                {
                    if (EnsureData() && _buffer[_position] == '"')
                    {
                        _position++;
                        Append('"');
                        continue;
                    }
                    break;
                }
                if (c == '\n')
                {
                    _line++;
                }
                Append(c);
            }
            fields.Add(_field.ToString());
            if (!EnsureData())
            {
                return true;
            }
            var next = _buffer[_position];
            if (next == ',')
            {
                _position++;
                return false;
            }
            if (next == '\r' || next == '\n')
            {
                EndOfLine();
                return true;
            }
            throw new CsvFormatException(_line, CsvProblem.TextAfterQuote);
        }

        while (EnsureData())
        {
            var c = _buffer[_position];
            if (c == ',')
            {
                _position++;
                fields.Add(_field.ToString());
                return false;
            }
            if (c == '\r' || c == '\n')
            {
                fields.Add(_field.ToString());
                EndOfLine();
                return true;
            }
            _position++;
            Append(c);
        }
        fields.Add(_field.ToString());
        return true;
    }

    private void EndOfLine()
    {
        if (_buffer[_position] == '\r')
        {
            _position++;
            if (!EnsureData() || _buffer[_position] != '\n')
            {
                return;
            }
        }
        _position++;
        _line++;
    }

    private void Append(char c)
    {
        if (_field.Length >= maxFieldLength)
        {
            throw new CsvFormatException(_line, CsvProblem.FieldTooLong);
        }
        _field.Append(c);
    }

    private bool EnsureData()
    {
        if (_position < _length)
        {
            return true;
        }
        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
