/**
 * The one door between the features and the Camunda engine (docs/adr/0007): every read and write
 * the features need from the engine, spoken in our own types. Only this package, and the inbound side
 * the engine calls (step adapters, plugins, the Cockpit plugin, the security integration), may
 * import {@code org.camunda}; {@code EngineDoorTest} fails the build otherwise.
 */
package com.incidentflow.process.engine;
