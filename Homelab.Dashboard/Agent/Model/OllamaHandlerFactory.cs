namespace Homelab.Dashboard.Agent.Model;

/// <summary>Creates the HTTP handler under the agent's Ollama client; the benchmark wraps it to time the raw exchange.</summary>
internal interface IOllamaHandlerFactory
{
    HttpMessageHandler Create();
}

/// <summary>One pooled connection set for the life of the app, recycled now and then so a moved server is found again.</summary>
internal sealed class SocketsOllamaHandlerFactory : IOllamaHandlerFactory
{
    public HttpMessageHandler Create() => new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    };
}
