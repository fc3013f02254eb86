package io.companyos.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot service that embeds the rhythm engine with nothing but the starter on its class path. */
@SpringBootApplication
public class SampleRhythmApp {
  public static void main(String[] args) {
    SpringApplication.run(SampleRhythmApp.class, args);
  }
}
