using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using PeerCircle.Data;

namespace PeerCircle.Benchmarks.Outcomes;

/// <summary>
/// Fast inserts of entity objects into their tables. Table and column names, value conversions (enums as text, UTC
/// instants, primitive collections) and store types all come from the app's own EF Core model for the provider, so
/// the rows are the ones the app would have written, without EF's change tracking. SQLite: one transaction per table
/// with one prepared, parameterised INSERT reused for every row. PostgreSQL: binary COPY.
/// </summary>
public abstract partial class BulkWriter : IAsyncDisposable
{
    private readonly IModel _model;

    protected BulkWriter(IModel model) => _model = model;

    public long RowsWritten { get; private set; }

    public static async Task<BulkWriter> OpenAsync(DatabaseProvider provider, string connectionString, IModel model)
    {
        BulkWriter writer = provider == DatabaseProvider.Sqlite
            ? new SqliteBulkWriter(model, connectionString)
            : new PostgresBulkWriter(model, connectionString);
        await writer.OpenAsync();
        return writer;
    }

    protected abstract Task OpenAsync();

    /// <summary>Writes every row; returns how many.</summary>
    public async Task<long> WriteAsync<T>(IEnumerable<T> rows) where T : class
    {
        var table = TableOf(typeof(T));
        var count = await WriteRowsAsync(table, rows.Select(r => (object)r));
        RowsWritten += count;
        return count;
    }

    protected abstract Task<long> WriteRowsAsync(BulkTable table, IEnumerable<object> rows);

    /// <summary>After explicit ids went into identity columns: move each sequence past them (PostgreSQL only).</summary>
    public virtual Task FinishAsync() => Task.CompletedTask;

    public abstract ValueTask DisposeAsync();

    private readonly Dictionary<Type, BulkTable> _tables = [];

    private BulkTable TableOf(Type clrType)
    {
        if (_tables.TryGetValue(clrType, out var known))
        {
            return known;
        }
        var entity = _model.FindEntityType(clrType)
            ?? throw new InvalidOperationException($"{clrType.Name} is not an entity type of the app's model.");
        var mapping = entity.GetTableMappings().First();
        var columns = new List<BulkColumn>();
        foreach (var column in mapping.ColumnMappings)
        {
            var getter = column.Property.GetGetter();
            columns.Add(new BulkColumn(column.Column.Name, column.Column.StoreType, column.TypeMapping,
                row => getter.GetClrValueUsingContainingEntity(row)));
        }
        // Owned types stored in the owner's table (a group's schedule and place).
        foreach (var navigation in entity.GetNavigations().Where(n => n.TargetEntityType.IsOwned()))
        {
            var ownedMapping = navigation.TargetEntityType.GetTableMappings().FirstOrDefault(m => m.Table == mapping.Table);
            if (ownedMapping is null)
            {
                continue;
            }
            var owner = navigation.GetGetter();
            foreach (var column in ownedMapping.ColumnMappings)
            {
                if (columns.Any(c => c.Name == column.Column.Name))
                {
                    continue;
                }
                var getter = column.Property.GetGetter();
                columns.Add(new BulkColumn(column.Column.Name, column.Column.StoreType, column.TypeMapping,
                    row => owner.GetClrValueUsingContainingEntity(row) is { } owned ? getter.GetClrValueUsingContainingEntity(owned) : null));
            }
        }
        var identity = entity.FindPrimaryKey() is { Properties: [{ ClrType: var keyType } key] }
            && (keyType == typeof(long) || keyType == typeof(int))
            && key.ValueGenerated != ValueGenerated.Never
                ? key.GetTableColumnMappings().First().Column.Name
                : null;
        var table = new BulkTable(mapping.Table.Name, columns, identity);
        _tables[clrType] = table;
        return table;
    }

    protected IEnumerable<BulkTable> Tables => _tables.Values;

    protected static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>PostgreSQL type names without length modifiers: <c>character varying(64)</c> → <c>character varying</c>.</summary>
    protected static string BaseTypeName(string storeType) => TypeModifier().Replace(storeType, "");

    [GeneratedRegex(@"\(\d+(,\s*\d+)?\)")]
    private static partial Regex TypeModifier();
}

public sealed record BulkTable(string Name, IReadOnlyList<BulkColumn> Columns, string? IdentityColumn);

public sealed record BulkColumn(string Name, string StoreType, RelationalTypeMapping Mapping, Func<object, object?> Get)
{
    /// <summary>The value as the database stores it (after the model's converters), or null.</summary>
    public object? ProviderValue(object row)
    {
        var value = Get(row);
        if (value is null)
        {
            return null;
        }
        return Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
    }
}

internal sealed class SqliteBulkWriter(IModel model, string connectionString) : BulkWriter(model)
{
    private readonly SqliteConnection _connection = new(connectionString);

    protected override async Task OpenAsync()
    {
        await _connection.OpenAsync();
        await using var pragma = _connection.CreateCommand();
        // Seeding only: a crash means seeding again anyway.
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000;";
        await pragma.ExecuteNonQueryAsync();
    }

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "Table and column names come from the app's EF model; values are parameters.")]
    protected override async Task<long> WriteRowsAsync(BulkTable table, IEnumerable<object> rows)
    {
        await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync();
        await using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => Quote(c.Name)))}) "
            + $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
        var parameters = new DbParameter[table.Columns.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            // The type mapping configures the parameter as EF would (GUIDs as text, and so on).
            parameters[i] = table.Columns[i].Mapping.CreateParameter(command, $"$p{i}", null, nullable: true);
            command.Parameters.Add(parameters[i]);
        }
        command.Prepare();
        long count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = table.Columns[i].ProviderValue(row) ?? DBNull.Value;
            }
            command.ExecuteNonQuery();
            count++;
        }
        await transaction.CommitAsync();
        return count;
    }

    public override async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        SqliteConnection.ClearPool(_connection);
    }
}

internal sealed class PostgresBulkWriter(IModel model, string connectionString) : BulkWriter(model)
{
    // Loading a million rows with their indexes takes longer than the default 30-second command timeout.
    private readonly NpgsqlConnection _connection = new(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);

    protected override Task OpenAsync() => _connection.OpenAsync();

    protected override async Task<long> WriteRowsAsync(BulkTable table, IEnumerable<object> rows)
    {
        var types = table.Columns.Select(c => BaseTypeName(c.StoreType)).ToArray();
        long count = 0;
        await using (var import = await _connection.BeginBinaryImportAsync(
            $"COPY {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)"))
        {
            import.Timeout = TimeSpan.FromHours(1);
            foreach (var row in rows)
            {
                import.StartRow();
                for (var i = 0; i < types.Length; i++)
                {
                    if (table.Columns[i].ProviderValue(row) is { } value)
                    {
                        import.Write(value, types[i]);
                    }
                    else
                    {
                        import.WriteNull();
                    }
                }
                count++;
            }
            await import.CompleteAsync();
        }
        return count;
    }

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities",
        Justification = "Table and column names come from the app's EF model.")]
    public override async Task FinishAsync()
    {
        foreach (var table in Tables.Where(t => t.IdentityColumn is not null))
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT setval(pg_get_serial_sequence('{Quote(table.Name)}', '{table.IdentityColumn}'), "
                + $"COALESCE((SELECT MAX({Quote(table.IdentityColumn!)}) FROM {Quote(table.Name)}), 0) + 1, false)";
            await command.ExecuteScalarAsync();
        }
    }

    public override async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
