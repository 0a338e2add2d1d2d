import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { SUBGRAPHS } from '@jol/schema';
import { loadSupergraph } from '@jol/gateway';
import { startStubSubgraph } from './stub-subgraphs';

/**
 * The processes the gateway benchmark measures against, each started as `node gateway-peers.js
 * <role>` and printing one line `READY <json>` once it listens on 127.0.0.1:
 * - `stubs`: the four stub subgraphs in one process ({ name: url });
 * - `bare <stub urls json>`: a bare @apollo/gateway (stock data source, no auth, limits, signing
 *   or logs) on the committed supergraph, pointed at the stubs ({ url }).
 */
async function main(): Promise<void> {
  const [role, config] = process.argv.slice(2);
  if (role === 'stubs') {
    const urls: Record<string, string> = {};
    for (const { name } of SUBGRAPHS) urls[name] = (await startStubSubgraph(name)).url;
    console.log(`READY ${JSON.stringify(urls)}`);
    return;
  }
  if (role === 'bare') {
    const urls = JSON.parse(config ?? '{}') as Record<string, string>;
    const gateway = new ApolloGateway({
      supergraphSdl: loadSupergraph(),
      buildService: ({ name, url }) => new RemoteGraphQLDataSource({ url: urls[name] ?? url }),
    });
    const server = new ApolloServer({ gateway });
    const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
    console.log(`READY ${JSON.stringify({ url })}`);
    return;
  }
  throw new Error(`unknown role ${JSON.stringify(role)}: expected stubs or bare`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
