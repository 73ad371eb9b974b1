BEGIN TRANSACTION;
CREATE TABLE "embed_tokens" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_embed_tokens" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Hash" BLOB NOT NULL,
    "Scopes" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAtUnixMs" INTEGER NOT NULL,
    "ExpiresAtUnixMs" INTEGER NULL,
    "LastUsedAtUnixMs" INTEGER NULL,
    "RevokedAtUnixMs" INTEGER NULL
);

CREATE UNIQUE INDEX "IX_embed_tokens_Hash" ON "embed_tokens" ("Hash");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126225723_EmbedTokens', '10.0.15');

COMMIT;

