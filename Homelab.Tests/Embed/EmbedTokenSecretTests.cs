using Homelab.Dashboard.Embed.Tokens;

namespace Homelab.Tests.Embed;

public sealed class EmbedTokenSecretTests
{
    [Fact]
    public void Create_Twice_GivesDifferentWellFormedValues()
    {
        var a = EmbedTokenSecret.Create();
        var b = EmbedTokenSecret.Create();

        Assert.NotEqual(a, b);
        Assert.True(EmbedTokenSecret.LooksValid(a));
        Assert.StartsWith(EmbedTokenSecret.Prefix, a, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hle_short")]
    [InlineData("xxx_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("hle_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void LooksValid_Malformed_IsFalse(string? value)
    {
        Assert.False(EmbedTokenSecret.LooksValid(value));
    }

    [Fact]
    public void Hash_SameValue_MatchesAndOtherValueDoesNot()
    {
        var value = EmbedTokenSecret.Create();

        Assert.Equal(32, EmbedTokenSecret.Hash(value).Length);
        Assert.True(EmbedTokenSecret.Matches(EmbedTokenSecret.Hash(value), EmbedTokenSecret.Hash(value)));
        Assert.False(EmbedTokenSecret.Matches(EmbedTokenSecret.Hash(value), EmbedTokenSecret.Hash(EmbedTokenSecret.Create())));
    }
}
