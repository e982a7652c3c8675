# citypark production image: the packaged jar on a JRE, nothing embedded.
# Build the jar first (./mvnw -B package -DskipTests) or let docker compose do it with the build stage below.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY geo-data geo-data
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 citypark
WORKDIR /app
COPY --from=build /src/target/citypark.jar /app/citypark.jar
COPY --from=build /src/geo-data /app/geo-data
USER citypark
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/citypark.jar"]
