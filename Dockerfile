# Cairn in a container: build the fat jar, run it on a JRE. PostgreSQL comes from CAIRN_POSTGRES_URL
# (see docker-compose.yml); without it Cairn starts its embedded PostgreSQL as the user `cairn`.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin cairn \
    && mkdir -p /var/lib/cairn && chown cairn:cairn /var/lib/cairn
COPY --from=build /src/target/cairn.jar /opt/cairn/cairn.jar
ENV CAIRN_DATA_DIR=/var/lib/cairn/data CAIRN_SERVER_HOST=0.0.0.0
EXPOSE 8000 8080
ENTRYPOINT ["java", "-jar", "/opt/cairn/cairn.jar"]
CMD ["serve"]
