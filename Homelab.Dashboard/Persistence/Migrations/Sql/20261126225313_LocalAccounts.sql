BEGIN TRANSACTION;
CREATE TABLE "accounts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_accounts" PRIMARY KEY AUTOINCREMENT,
    "UserName" TEXT COLLATE NOCASE NOT NULL,
    "Role" TEXT NOT NULL,
    "PasswordHash" TEXT NOT NULL,
    "TotpSecret" TEXT NULL,
    "TotpLastStep" INTEGER NOT NULL,
    "FailedAttempts" INTEGER NOT NULL,
    "LockedUntilUnixMs" INTEGER NULL,
    "SecurityStamp" TEXT NOT NULL,
    "CreatedUnixMs" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_accounts_UserName" ON "accounts" ("UserName");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126225313_LocalAccounts', '10.0.15');

COMMIT;

