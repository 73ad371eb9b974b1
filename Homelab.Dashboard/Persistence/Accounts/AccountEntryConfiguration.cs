using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Homelab.Dashboard.Persistence.Accounts;

internal sealed class AccountEntryConfiguration : IEntityTypeConfiguration<AccountEntry>
{
    public void Configure(EntityTypeBuilder<AccountEntry> builder)
    {
        builder.ToTable("accounts");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.UserName).HasMaxLength(100).UseCollation("NOCASE");
        builder.HasIndex(e => e.UserName).IsUnique();
        builder.Property(e => e.Role).HasMaxLength(20);
        builder.Property(e => e.PasswordHash).HasMaxLength(300);
        builder.Property(e => e.TotpSecret).HasMaxLength(100);
        builder.Property(e => e.SecurityStamp).HasMaxLength(64);
    }
}
