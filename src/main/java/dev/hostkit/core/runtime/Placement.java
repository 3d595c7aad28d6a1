package dev.hostkit.core.runtime;

/** Where a target puts the app: into a container image's build context, or onto a machine. */
public enum Placement { IMAGE, MACHINE }
