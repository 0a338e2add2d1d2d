import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { pick, useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { GraphiQL } from 'graphiql';
import { GraphQLError } from 'graphql';
import {
  StrictMode,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import './page.css';
import { EXAMPLE_OPERATIONS, type ExampleOperation } from './examples';
import { requestBodyFor } from './registered';

/** Each purpose and the roles that may declare it; bundle.ts fills it in from ROLE_POLICY. */
declare const JOL_PURPOSES: readonly { purpose: string; roles: readonly string[] }[];

/**
 * Monaco runs its language services in web workers. They are bundled next to this script and
 * loaded from the gateway's own origin: graphiql's default worker setup fetches them from esm.sh.
 * bundle.ts fills in their content-hashed names by label (editor, json, graphql).
 */
declare const JOL_WORKERS: Record<string, string>;
Object.assign(globalThis, {
  MonacoEnvironment: {
    getWorker: (_workerId: string, label: string) =>
      new Worker(new URL(`workers/${JOL_WORKERS[label] ?? JOL_WORKERS.editor}`, import.meta.url), {
        name: label,
      }),
  },
});

/** The credentials live in sessionStorage only: gone when the tab closes, never sent elsewhere. */
const TOKEN_KEY = 'jol.graphiql.token';
const PURPOSE_KEY = 'jol.graphiql.purpose';

interface Credentials {
  token: string;
  purpose: string;
}

const DEFAULT_QUERY = `# Jol GraphiQL
#
# 1. Paste your bearer token above.
# 2. Choose a purpose your role may declare.
# 3. Run (Ctrl-Enter), or load an example.

query RootTypes {
  __schema {
    queryType { name }
  }
}
`;

/** Calls the gateway's GraphQL endpoint (a sibling of this page) with the current credentials. */
function createJolFetcher(credentials: RefObject<Credentials>): Fetcher {
  const fetchGraphQL = createGraphiQLFetcher({ url: new URL('graphql', document.baseURI).href });
  return (params, options) => {
    const { token, purpose } = credentials.current;
    if (!token) {
      return {
        errors: [new GraphQLError('Paste a bearer token into the Token field above first.')],
      };
    }
    const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
    if (purpose) headers['X-Purpose'] = purpose;
    // A partner institution sends registered operations by id, never a document.
    if (rolesOf(token).includes('PARTNER')) {
      return fetch(new URL('graphql', document.baseURI).href, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(requestBodyFor(params, true)),
      }).then((response) => response.json());
    }
    return fetchGraphQL(params, { ...options, headers: { ...options?.headers, ...headers } });
  };
}

/** The roles a token claims, read without verification: only to choose how to send. */
function rolesOf(token: string): string[] {
  try {
    const payload = token.split('.')[1] ?? '';
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as {
      roles?: unknown;
    };
    return Array.isArray(claims.roles) ? claims.roles.map(String) : [];
  } catch {
    return [];
  }
}

/** The roles and expiry a token claims, read without verification: a hint for the user only. */
function describeToken(token: string): string {
  const payload = token.split('.')[1];
  if (!payload) return token ? 'not a JWT' : '';
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const claims = JSON.parse(json) as { roles?: unknown; exp?: unknown };
    const roles = Array.isArray(claims.roles) ? claims.roles.join(', ') : 'no roles';
    const expires =
      typeof claims.exp === 'number'
        ? `, expires ${new Date(claims.exp * 1000).toLocaleTimeString()}`
        : '';
    return `${roles}${expires}`;
  } catch {
    return 'not a JWT';
  }
}

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

interface ExampleRequest {
  example: ExampleOperation;
}

/**
 * Puts a picked example into the editors, once; rendered inside GraphiQL to reach its editors,
 * which exist only after Monaco has loaded.
 */
function ExampleLoader({
  request,
  onLoaded,
}: {
  request: ExampleRequest | null;
  onLoaded(): void;
}) {
  const { queryEditor, variableEditor } = useGraphiQL(pick('queryEditor', 'variableEditor'));
  const { setOperationName } = useGraphiQLActions();
  useEffect(() => {
    if (!request || !queryEditor || !variableEditor) return;
    const { query, variables } = request.example;
    queryEditor.setValue(query);
    variableEditor.setValue(variables ? JSON.stringify(variables, null, 2) : '');
    // GraphiQL learns the operation's name from a debounced parse of the editor: until then a
    // run would send the new document under the name of the one it replaced.
    const name = /^\s*(?:query|mutation|subscription)\s+(\w+)/m.exec(query)?.[1];
    if (name) setOperationName(name);
    onLoaded();
  }, [request, queryEditor, variableEditor, setOperationName, onLoaded]);
  return null;
}

function App() {
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  const [purpose, setPurpose] = useState(() => sessionStorage.getItem(PURPOSE_KEY) ?? '');
  const [exampleRequest, setExampleRequest] = useState<ExampleRequest | null>(null);
  const credentials = useRef<Credentials>({ token, purpose });
  credentials.current = { token, purpose };

  useEffect(() => {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  }, [token]);
  useEffect(() => {
    if (purpose) sessionStorage.setItem(PURPOSE_KEY, purpose);
    else sessionStorage.removeItem(PURPOSE_KEY);
  }, [purpose]);

  // Requests always read the current credentials; a new fetcher only makes GraphiQL reload the
  // schema, which should wait until the user has finished typing or pasting a token.
  const schemaToken = useDebounced(token, 300);
  const fetcher = useMemo(() => createJolFetcher(credentials), [schemaToken]);

  const exampleLoaded = useCallback(() => setExampleRequest(null), []);
  const pickExample = (index: string) => {
    const example = EXAMPLE_OPERATIONS[Number(index)];
    if (!example) return;
    setPurpose(example.purpose);
    setExampleRequest({ example });
  };

  return (
    <div className="jol-app">
      <header className="jol-bar">
        <strong className="jol-title">Jol</strong>
        <label className="jol-field jol-token">
          <span>Token</span>
          <input
            id="jol-token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="Bearer token (JWT)"
            value={token}
            onChange={(event) => setToken(event.target.value.trim().replace(/^Bearer\s+/i, ''))}
          />
          <small className="jol-hint" data-testid="token-hint">
            {describeToken(token)}
          </small>
        </label>
        <button type="button" className="jol-button" onClick={() => setToken('')}>
          Forget
        </button>
        <label className="jol-field">
          <span>Purpose</span>
          <select
            id="jol-purpose"
            value={purpose}
            onChange={(event) => setPurpose(event.target.value)}
          >
            <option value="">(none)</option>
            {JOL_PURPOSES.map(({ purpose: value, roles }) => (
              <option key={value} value={value}>
                {value} ({roles.join(', ')})
              </option>
            ))}
          </select>
        </label>
        <label className="jol-field">
          <span>Examples</span>
          <select id="jol-examples" value="" onChange={(event) => pickExample(event.target.value)}>
            <option value="">Load an example…</option>
            {groupByRole(EXAMPLE_OPERATIONS).map(([role, examples]) => (
              <optgroup key={role} label={role}>
                {examples.map(({ example, index }) => (
                  <option key={index} value={index}>
                    {example.title}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
      </header>
      <main className="jol-graphiql">
        <GraphiQL
          fetcher={fetcher}
          defaultQuery={DEFAULT_QUERY}
          // Tabs and history may hold PINs: they stay in this tab's session, like the token.
          storage={sessionStorage}
          // Credentials have one place, the fields above; no headers are typed or stored elsewhere.
          isHeadersEditorEnabled={false}
        >
          <GraphiQL.Logo>Jol GraphiQL</GraphiQL.Logo>
          <ExampleLoader request={exampleRequest} onLoaded={exampleLoaded} />
        </GraphiQL>
      </main>
    </div>
  );
}

function groupByRole(examples: readonly ExampleOperation[]) {
  const groups = new Map<string, { example: ExampleOperation; index: number }[]>();
  examples.forEach((example, index) => {
    const group = groups.get(example.role) ?? [];
    group.push({ example, index });
    groups.set(example.role, group);
  });
  return [...groups];
}

const root = document.getElementById('root');
if (!root) throw new Error('GraphiQL needs an element with id "root" in index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
