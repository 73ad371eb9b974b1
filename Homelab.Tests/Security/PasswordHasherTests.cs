using Homelab.Dashboard.Security.Local;

namespace Homelab.Tests.Security;

public sealed class PasswordHasherTests
{
    // A low cost keeps the suite quick; one test checks the real default.
    private readonly PasswordHasher _hasher = new(iterations: 1_000);

    [Fact]
    public void Hash_Default_IsPbkdf2Sha256With600kIterationsAndASalt()
    {
        var hash = new PasswordHasher().Hash("correct horse battery");

        var parts = hash.Split('$');
        Assert.Equal("pbkdf2-sha256", parts[0]);
        Assert.Equal("600000", parts[1]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
        Assert.True(PasswordHasher.Verify("correct horse battery", hash));
    }

    [Fact]
    public void Verify_RightPassword_True() => Assert.True(PasswordHasher.Verify("correct horse battery", _hasher.Hash("correct horse battery")));

    [Fact]
    public void Verify_WrongPassword_False() => Assert.False(PasswordHasher.Verify("correct horse battery!", _hasher.Hash("correct horse battery")));

    [Fact]
    public void Hash_SamePasswordTwice_DiffersBySalt() => Assert.NotEqual(_hasher.Hash("same password"), _hasher.Hash("same password"));

    [Theory]
    [InlineData("")]
    [InlineData("plaintext")]
    [InlineData("md5$1$abc$def")]
    [InlineData("pbkdf2-sha256$x$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$1000$not base64$AAAA")]
    public void Verify_MalformedOrUnknownHash_False(string stored) => Assert.False(PasswordHasher.Verify("anything", stored));

    [Fact]
    public void NeedsRehash_FewerIterationsThanToday_True()
    {
        var old = _hasher.Hash("pw");

        Assert.True(new PasswordHasher(iterations: 2_000).NeedsRehash(old));
        Assert.False(_hasher.NeedsRehash(old));
        Assert.True(PasswordHasher.Verify("pw", old));
    }
}
