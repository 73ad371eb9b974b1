CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "audit_log" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_audit_log" PRIMARY KEY AUTOINCREMENT,
    "AtUnixMs" INTEGER NOT NULL,
    "Actor" TEXT NOT NULL,
    "Via" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Target" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "Message" TEXT NOT NULL,
    "DurationMs" INTEGER NOT NULL
);

CREATE INDEX "IX_audit_log_AtUnixMs" ON "audit_log" ("AtUnixMs");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126163603_InitialAuditLog', '10.0.15');

COMMIT;

