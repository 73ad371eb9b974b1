BEGIN TRANSACTION;
ALTER TABLE "audit_log" ADD "TraceId" TEXT NULL;

CREATE TABLE "conversations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_conversations" PRIMARY KEY,
    "Title" TEXT NOT NULL,
    "CreatedAtUnixMs" INTEGER NOT NULL,
    "UpdatedAtUnixMs" INTEGER NOT NULL,
    "Surface" TEXT NOT NULL
);

CREATE TABLE "trace_exchanges" (
    "TraceId" TEXT NOT NULL CONSTRAINT "PK_trace_exchanges" PRIMARY KEY,
    "Json" TEXT NOT NULL
);

CREATE TABLE "trace_hours" (
    "HourUnixMs" INTEGER NOT NULL,
    "Caller" TEXT NOT NULL,
    "Model" TEXT NOT NULL,
    "Calls" INTEGER NOT NULL,
    "Errors" INTEGER NOT NULL,
    "Cancelled" INTEGER NOT NULL,
    "LatencySumMs" REAL NOT NULL,
    "PromptTokens" INTEGER NOT NULL,
    "CompletionTokens" INTEGER NOT NULL,
    "GenerationMs" REAL NOT NULL,
    "ToolCalls" INTEGER NOT NULL,
    "ToolCallsSucceeded" INTEGER NOT NULL,
    "ToolCallsFailed" INTEGER NOT NULL,
    "LatencyHistogram" BLOB NOT NULL,
    CONSTRAINT "PK_trace_hours" PRIMARY KEY ("HourUnixMs", "Caller", "Model")
);

CREATE TABLE "traces" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_traces" PRIMARY KEY,
    "AtUnixMs" INTEGER NOT NULL,
    "Caller" TEXT NOT NULL,
    "Model" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "LatencyMs" REAL NOT NULL,
    "TimeToFirstTokenMs" REAL NULL,
    "PromptTokens" INTEGER NULL,
    "CompletionTokens" INTEGER NULL,
    "ToolCallCount" INTEGER NOT NULL,
    "ToolNames" TEXT NOT NULL,
    "ToolCallsSucceeded" INTEGER NOT NULL,
    "ToolCallsFailed" INTEGER NOT NULL,
    "Error" TEXT NULL,
    "PromptPreview" TEXT NOT NULL,
    "ResponsePreview" TEXT NOT NULL,
    "ConversationId" TEXT NULL
);

CREATE TABLE "conversation_messages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_conversation_messages" PRIMARY KEY,
    "ConversationId" TEXT NOT NULL,
    "Ordinal" INTEGER NOT NULL,
    "Role" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "ToolCallsJson" TEXT NULL,
    "Approval" TEXT NULL,
    "TraceIdsJson" TEXT NULL,
    "CreatedAtUnixMs" INTEGER NOT NULL,
    "IsComplete" INTEGER NOT NULL,
    CONSTRAINT "FK_conversation_messages_conversations_ConversationId" FOREIGN KEY ("ConversationId") REFERENCES "conversations" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_audit_log_TraceId" ON "audit_log" ("TraceId");

CREATE UNIQUE INDEX "IX_conversation_messages_ConversationId_Ordinal" ON "conversation_messages" ("ConversationId", "Ordinal");

CREATE INDEX "IX_conversations_UpdatedAtUnixMs" ON "conversations" ("UpdatedAtUnixMs");

CREATE INDEX "IX_traces_AtUnixMs" ON "traces" ("AtUnixMs");

CREATE INDEX "IX_traces_Caller_AtUnixMs" ON "traces" ("Caller", "AtUnixMs");

CREATE INDEX "IX_traces_ConversationId" ON "traces" ("ConversationId");

CREATE INDEX "IX_traces_Model_AtUnixMs" ON "traces" ("Model", "AtUnixMs");

CREATE INDEX "IX_traces_Outcome_AtUnixMs" ON "traces" ("Outcome", "AtUnixMs");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126202049_AgentTracesAndConversations', '10.0.15');

COMMIT;

