using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Homelab.Dashboard.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AgentTracesAndConversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "TraceId",
                table: "audit_log",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "conversations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Surface = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trace_exchanges",
                columns: table => new
                {
                    TraceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trace_exchanges", x => x.TraceId);
                });

            migrationBuilder.CreateTable(
                name: "trace_hours",
                columns: table => new
                {
                    HourUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Caller = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Calls = table.Column<long>(type: "INTEGER", nullable: false),
                    Errors = table.Column<long>(type: "INTEGER", nullable: false),
                    Cancelled = table.Column<long>(type: "INTEGER", nullable: false),
                    LatencySumMs = table.Column<double>(type: "REAL", nullable: false),
                    PromptTokens = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletionTokens = table.Column<long>(type: "INTEGER", nullable: false),
                    GenerationMs = table.Column<double>(type: "REAL", nullable: false),
                    ToolCalls = table.Column<long>(type: "INTEGER", nullable: false),
                    ToolCallsSucceeded = table.Column<long>(type: "INTEGER", nullable: false),
                    ToolCallsFailed = table.Column<long>(type: "INTEGER", nullable: false),
                    LatencyHistogram = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trace_hours", x => new { x.HourUnixMs, x.Caller, x.Model });
                });

            migrationBuilder.CreateTable(
                name: "traces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Caller = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LatencyMs = table.Column<double>(type: "REAL", nullable: false),
                    TimeToFirstTokenMs = table.Column<double>(type: "REAL", nullable: true),
                    PromptTokens = table.Column<int>(type: "INTEGER", nullable: true),
                    CompletionTokens = table.Column<int>(type: "INTEGER", nullable: true),
                    ToolCallCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ToolNames = table.Column<string>(type: "TEXT", nullable: false),
                    ToolCallsSucceeded = table.Column<int>(type: "INTEGER", nullable: false),
                    ToolCallsFailed = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    PromptPreview = table.Column<string>(type: "TEXT", nullable: false),
                    ResponsePreview = table.Column<string>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_traces", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "conversation_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    ToolCallsJson = table.Column<string>(type: "TEXT", nullable: true),
                    Approval = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    TraceIdsJson = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAtUnixMs = table.Column<long>(type: "INTEGER", nullable: false),
                    IsComplete = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conversation_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_conversation_messages_conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_TraceId",
                table: "audit_log",
                column: "TraceId");

            migrationBuilder.CreateIndex(
                name: "IX_conversation_messages_ConversationId_Ordinal",
                table: "conversation_messages",
                columns: new[] { "ConversationId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_conversations_UpdatedAtUnixMs",
                table: "conversations",
                column: "UpdatedAtUnixMs");

            migrationBuilder.CreateIndex(
                name: "IX_traces_AtUnixMs",
                table: "traces",
                column: "AtUnixMs");

            migrationBuilder.CreateIndex(
                name: "IX_traces_Caller_AtUnixMs",
                table: "traces",
                columns: new[] { "Caller", "AtUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_traces_ConversationId",
                table: "traces",
                column: "ConversationId");

            migrationBuilder.CreateIndex(
                name: "IX_traces_Model_AtUnixMs",
                table: "traces",
                columns: new[] { "Model", "AtUnixMs" });

            migrationBuilder.CreateIndex(
                name: "IX_traces_Outcome_AtUnixMs",
                table: "traces",
                columns: new[] { "Outcome", "AtUnixMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "conversation_messages");

            migrationBuilder.DropTable(
                name: "trace_exchanges");

            migrationBuilder.DropTable(
                name: "trace_hours");

            migrationBuilder.DropTable(
                name: "traces");

            migrationBuilder.DropTable(
                name: "conversations");

            migrationBuilder.DropIndex(
                name: "IX_audit_log_TraceId",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "TraceId",
                table: "audit_log");
        }
    }
}
