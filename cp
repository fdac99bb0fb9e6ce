/work/main/platform-test/target/platform-test-0.1.0-SNAPSHOT.jar:::/root/.m2/repository/com/fasterxml/jackson/core/jackson-annotations/2.19.1/jackson-annotations-2.19.1.jar
