// Slash command definitions, generated from the core command table so a new core command
// becomes a Discord command without touching this file.
import { ApplicationCommandOptionType, ApplicationCommandType, PermissionFlagsBits, Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { COMMANDS, type CommandSpec } from '../../core/commands.ts';

/** Discord's limits for command names (lowercase, 1–32) and descriptions (1–100). */
const NAME_MAX = 32;
const DESCRIPTION_MAX = 100;
const STRING_OPTION_MAX_LENGTH = 2000;

function description(text: string): string {
  const clean = text.trim() || 'No description';
  return clean.length <= DESCRIPTION_MAX ? clean : clean.slice(0, DESCRIPTION_MAX - 1) + '…';
}

function commandName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_-]/g, '-').slice(0, NAME_MAX);
}

/** One core command as a Discord chat-input command; all options are strings. */
export function slashCommand(spec: CommandSpec): RESTPostAPIChatInputApplicationCommandsJSONBody {
  // Discord requires required options before optional ones.
  const options = [...spec.options].sort((a, b) => Number(b.required) - Number(a.required));
  return {
    type: ApplicationCommandType.ChatInput,
    name: commandName(spec.name),
    description: description(spec.description),
    options: options.map((o) => ({
      type: ApplicationCommandOptionType.String,
      name: commandName(o.name),
      description: description(o.description),
      required: o.required,
      max_length: STRING_OPTION_MAX_LENGTH,
    })),
    ...(spec.manage
      ? {
          // Hidden from members without Manage Channels (server admins can widen this per
          // command); the adapter checks again at run time, since admins can also narrow it.
          default_member_permissions: MANAGE_PERMISSION.toString(),
          dm_permission: false,
          contexts: [0],
        }
      : // Usable in servers and in DMs with the bot.
        { contexts: [0, 1] }),
  };
}

/** What a member needs to run a `manage` command (/subscribe, /unsubscribe) in a channel. */
export const MANAGE_PERMISSION = PermissionFlagsBits.ManageChannels;

export function slashCommands(specs: readonly CommandSpec[] = COMMANDS): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return specs.map(slashCommand);
}

/** The registration route: a guild's commands (instant, for development) or global ones. */
export function commandsRoute(applicationId: string, guildId?: string | null): `/${string}` {
  return guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
}
