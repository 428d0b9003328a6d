package com.incidentflow.process.conflict;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Lets a test hold one engine command after it has done its work in memory and before its changes
 * are written, so another transaction can commit in between: the race, on purpose. Inert unless a
 * test arms it.
 */
@Component
public class CommandHold extends AbstractProcessEnginePlugin {

  private static volatile Gate gate;

  /** Holds the next command of this type; later ones (a retry) pass and are counted. */
  public static Gate arm(Class<? extends Command<?>> type) {
    gate = new Gate(type);
    return gate;
  }

  public static void disarm() {
    Gate armed = gate;
    gate = null;
    if (armed != null) {
      armed.release();
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired();
    if (interceptors == null) {
      interceptors = new ArrayList<>();
      configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }
    // After the command context opened: the command runs, then waits, then the context flushes.
    interceptors.add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        T result = next.execute(command);
        Gate armed = gate;
        if (armed != null && armed.type.isInstance(command)) {
          armed.pass();
        }
        return result;
      }
    });
  }

  public static final class Gate {
    private final Class<?> type;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger passes = new AtomicInteger();

    Gate(Class<?> type) {
      this.type = type;
    }

    private void pass() {
      if (passes.incrementAndGet() == 1) {
        reached.countDown();
        await(released);
      }
    }

    /** Waits until the held command has done its work and waits to write it. */
    public void awaitHeld() {
      await(reached);
    }

    public void release() {
      released.countDown();
    }

    /** How often a command of the held type ran to its end (a retry counts again). */
    public int passes() {
      return passes.get();
    }

    private static void await(CountDownLatch latch) {
      try {
        if (!latch.await(2, TimeUnit.MINUTES)) { // only so a broken test cannot hang the build
          throw new IllegalStateException("The race never came");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
