import { Command, Option } from 'commander'
import type { CommandContext } from './context'
import type { Terminal } from './io/output'
import type { Secrets } from './io/secrets'
import { VERSION } from './version'

/** What the program needs from `run`: the streams, the Ctrl-C signal and where to put the exit code. */
export interface ProgramHost {
  term: Terminal
  signal: AbortSignal
  setExitCode(code: number): void
  /**
   * The run's secret filter. The command that runs makes it, with its output (so `--help` and
   * `--version` never load it), and `run` reports a failure through it.
   */
  secrets?: Secrets
}

type Action = (ctx: CommandContext, ...args: any[]) => Promise<number | undefined>

const ROOT_HELP = `
Environment:
  AMIGO_API_KEY, AMIGO_WORKSPACE_ID  use an API key instead of the stored login
  AMIGO_BASE_URL                     API origin (same as --base-url)
  AMIGO_PROFILE                      stored-login profile (same as --profile)
  AMIGO_CONFIG_DIR                   where logins are stored (default ~/.config/amigo)
  AMIGO_WEBHOOK_SECRET               default --secret of the webhooks commands
  NO_COLOR                           no colours

Exit codes:
  0 ok  1 API or runtime error  2 usage error  3 sign-in needed
  4 bad webhook signature  5 webhook timestamp too old or in the future
  6 malformed delivery  130 interrupted`

/** Runs one command's module, loaded only when that command runs. */
type Act = (load: () => Promise<{ default: Action }>) => (...args: unknown[]) => Promise<void>

/** The `amigo` command tree. Each action imports its command module only when it runs. */
export function buildProgram(host: ProgramHost): Command {
  const program = rootCommand(host)
  const act: Act =
    (load) =>
    async (...args) => {
      const command = args.at(-1) as Command
      const [{ globalOptions }, { Output }] = await Promise.all([
        import('./global-options'),
        import('./io/output'),
      ])
      const options = globalOptions(command)
      // The output makes the run's secret filter (a run runs one command); `run` reports a failure
      // through it.
      const output = new Output(host.term, options.color === false)
      host.secrets = output.secrets
      // The secrets the run was given, registered before any option or argument is checked: a usage
      // error quoting a value (a key pasted as --base-url, swapped variables) must not show one.
      const { env } = host.term
      output.secrets.remember(env.AMIGO_API_KEY, env.AMIGO_WEBHOOK_SECRET, command.opts().secret)
      const ctx: CommandContext = {
        options,
        output,
        term: host.term,
        signal: host.signal,
      }
      const code = await (await load()).default(ctx, ...args.slice(0, -1))
      host.setExitCode(code ?? 0)
    }
  addLoginCommands(program, act)
  addApiCommand(program, act)
  addEventsCommands(program, act)
  addWebhooksCommands(program, act)
  addMockCommand(program, act)
  return program
}

/** `amigo` itself: its global options, help and output streams. */
function rootCommand(host: ProgramHost): Command {
  const program = new Command('amigo')
    .description('The Amigo Platform from your terminal.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .addOption(new Option('--profile <name>', 'stored-login profile').env('AMIGO_PROFILE'))
    .addOption(
      new Option('--base-url <url>', 'API origin (default https://api.platform.amigo.ai)').env(
        'AMIGO_BASE_URL',
      ),
    )
    .option('--no-color', 'no colours, even on a terminal')
    .option('--debug', 'show more detail when something fails (secrets stay hidden)')
    .addHelpText('after', ROOT_HELP)
    .showHelpAfterError("(run 'amigo --help' or 'amigo <command> --help')")
    .showSuggestionAfterError()
  program.configureOutput({
    writeOut: (s) => host.term.stdout.write(s),
    writeErr: (s) => host.term.stderr.write(s),
    outputError: (s, write) => write(withoutUnknownValue(s)),
  })
  program.exitOverride()
  return program
}

/** `login`, `logout` and `whoami`. */
function addLoginCommands(program: Command, act: Act): void {
  program
    .command('login')
    .description('sign in with a one-time code in the browser and store the login')
    .option('--workspace <id>', 'workspace to use when your account has several')
    .option('--no-browser', 'print the link without opening a browser')
    .addHelpText('after', '\nExample:\n  amigo login --profile staging --base-url https://staging.example')
    .action(act(() => import('./commands/login')))

  program
    .command('logout')
    .description('forget the stored login of this profile')
    .action(act(() => import('./commands/logout')))

  program
    .command('whoami')
    .description('show the workspace, expiry and scope of the credentials in use (never the token)')
    .option('--json', 'print JSON')
    .action(act(() => import('./commands/whoami')))
}

/** `api <method> <path>`. */
function addApiCommand(program: Command, act: Act): void {
  program
    .command('api')
    .description('call any API path; {workspace_id} is filled in')
    .argument('<method>', 'get, post, put, patch or delete')
    .argument('<path>', 'a path of the API, e.g. /v1/{workspace_id}/agents')
    .option('-q, --query <key=value>', 'a query parameter (repeat for more)', collect, [])
    .option('-d, --data <json>', 'JSON body, @file to read it from a file, @- from stdin')
    .option('--json', 'print the body as received, no formatting')
    .option('--timeout <seconds>', 'give up on an attempt that gets no answer for this long', '60')
    .addHelpText(
      'after',
      '\nExamples:\n  amigo api get /v1/{workspace_id}/agents -q limit=5\n  amigo api post /v1/{workspace_id}/agents -d \'{"name":"Front desk"}\'',
    )
    .action(act(() => import('./commands/api')))
}

/** `events tail`. */
function addEventsCommands(program: Command, act: Act): void {
  const events = program.command('events').description('live workspace events')
  events
    .command('tail')
    .description('print workspace events as they happen (Ctrl-C to stop)')
    .option(
      '-t, --type <pattern>',
      'only these event types, e.g. call.* (repeat or comma-separate)',
      collect,
      [],
    )
    .option('--json', 'JSON lines even on a terminal (the default when piped)')
    .option('--since <event-id>', 'replay the events after this id first')
    .option(
      '--retry-delay <ms>',
      'base of the reconnect backoff after a drop (each wait is random, at most base × 2^(attempt-1))',
      '3000',
    )
    .option(
      '--max-reconnects <n>',
      'give up (exit 1) when this many reconnects in a row fail; 0: stop when the first connection fails or drops',
      '10',
    )
    .option('--idle-timeout <seconds>', 'stop with exit 1 when no event arrives for this long')
    .option('--max-events <n>', 'stop with exit 0 once this many events (of the --type types) are printed')
    .addHelpText(
      'after',
      '\nOn stderr: connection notes, and one note when a connection brings no event for 30 s.\nExit 0 after Ctrl-C or --max-events; 1 when the stream fails (--max-reconnects used up) or\n--idle-timeout passes without an event.',
    )
    .action(act(() => import('./commands/events-tail')))
}

/** `webhooks trigger`, `webhooks list` and `webhooks verify`. */
function addWebhooksCommands(program: Command, act: Act): void {
  const webhooks = program.command('webhooks').description('send and check signed webhook deliveries')
  webhooks
    .command('trigger')
    .description('send a realistic signed delivery of an event type to your handler')
    .argument('<event-type>', 'e.g. call.ended (amigo webhooks list shows them all)')
    .option('--to <url>', 'your handler, e.g. http://127.0.0.1:3000/webhooks/amigo')
    .addOption(new Option('--secret <secret>', 'signing secret').env('AMIGO_WEBHOOK_SECRET'))
    .option('--print', 'print the signed delivery (the format verify reads) instead of sending it')
    .option('--timeout <seconds>', 'give up on a handler that has not answered in full for this long', '30')
    .action(act(() => import('./commands/webhooks-trigger')))
  webhooks
    .command('list')
    .description('list the event types trigger can send')
    .action(act(() => import('./commands/webhooks-list')))
  webhooks
    .command('verify')
    .description('check a captured delivery read from stdin (or --file)')
    .addOption(new Option('--secret <secret>', 'signing secret').env('AMIGO_WEBHOOK_SECRET'))
    .option('-f, --file <path>', 'read the delivery from this file instead of stdin')
    .option('--tolerance <seconds>', 'largest accepted clock difference', '300')
    .addHelpText(
      'after',
      '\nThe delivery is either JSON {"headers": {...}, "body": "<raw body>"} (what trigger --print\nwrites) or raw HTTP request text (request line, headers, blank line, body).',
    )
    .action(act(() => import('./commands/webhooks-verify')))
}

/** `mock`. */
function addMockCommand(program: Command, act: Act): void {
  program
    .command('mock')
    .description('run the local Amigo platform and print the environment to use it (Ctrl-C to stop)')
    .option('-p, --port <port>', 'port on 127.0.0.1 (0 picks a free one)', '4010')
    .option('--seed <n>', 'seed of the generated data', '1')
    .option('--simulate <seconds>', 'start a simulated call every so many seconds (live events)')
    .action(act(() => import('./commands/mock')))
}

/**
 * The parser's error with the value of an unknown `--option=value` or `-Xvalue` left out: it is
 * often a secret given where it does not belong (`amigo --secret=... webhooks verify`, a mistyped
 * `--secert=...`), and these errors are printed before any secret is known to the output filter.
 */
function withoutUnknownValue(message: string): string {
  return message.replace(/^(error: unknown option '(?:--[^'=]+=|-[^-']))[^']+'/, "$1...'")
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}
